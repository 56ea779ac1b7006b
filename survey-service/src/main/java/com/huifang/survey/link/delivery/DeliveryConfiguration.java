package com.huifang.survey.link.delivery;

import com.huifang.survey.support.SurveyProperties;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    @Bean
    EmailLinkSender emailLinkSender(JavaMailSender mail, SurveyProperties properties) {
        return new EmailLinkSender(mail, properties.mail().from());
    }

    /** The local sink unless a provider adapter is declared. */
    @Bean
    @ConditionalOnMissingBean
    SmsSender smsSender(SurveyProperties properties) {
        String file = properties.sms().outboxFile();
        return new FileSmsSender(file == null || file.isBlank() ? null : Path.of(file));
    }
}
