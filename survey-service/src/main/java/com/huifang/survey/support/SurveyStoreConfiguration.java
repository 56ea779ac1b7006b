package com.huifang.survey.support;

import com.huifang.platform.messaging.OutboxCollections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Collections whose documents carry events to relay. */
@Configuration(proxyBeanMethods = false)
public class SurveyStoreConfiguration {

    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of("responses", "survey_templates", "survey_template_retirements");
    }
}
