package com.huifang.platform.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.annotation.Order;

/**
 * Registers the one problem handler, before Spring Boot's own error handler. Message bundles:
 * {@code huifang/messages/platform} plus each service's bundles listed in
 * {@code huifang.messages.basenames}.
 */
@AutoConfiguration(after = {JacksonAutoConfiguration.class,
        org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ProblemDetailsAutoConfiguration {

    @Bean
    ProblemRenderer problemRenderer(ObjectMapper objectMapper,
                                    @Value("${huifang.messages.basenames:}") List<String> serviceBundles) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        List<String> names = new ArrayList<>();
        serviceBundles.stream().filter(s -> !s.isBlank()).forEach(names::add);
        names.add("huifang/messages/platform");
        messages.setBasenames(names.toArray(String[]::new));
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setUseCodeAsDefaultMessage(false);
        return new ProblemRenderer(messages, objectMapper);
    }

    @Bean
    BodyValidator bodyValidator(jakarta.validation.Validator validator) {
        return new BodyValidator(validator);
    }

    @Bean
    @Order(-2)
    ProblemWebExceptionHandler problemWebExceptionHandler(ProblemRenderer renderer) {
        return new ProblemWebExceptionHandler(renderer);
    }
}
