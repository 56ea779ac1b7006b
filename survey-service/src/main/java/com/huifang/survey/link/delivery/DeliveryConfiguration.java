package com.huifang.survey.link.delivery;

import com.huifang.survey.link.delivery.aliyun.AliyunSmsSender;
import com.huifang.survey.support.SurveyProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    static final String SMS_PROVIDER = "sms-provider";

    @Bean
    EmailLinkSender emailLinkSender(JavaMailSender mail, SurveyProperties properties) {
        return new EmailLinkSender(mail, properties.mail().from());
    }

    /** The local sink: the default ({@code huifang.survey.sms.provider=file}). */
    @Bean
    @ConditionalOnProperty(name = "huifang.survey.sms.provider", havingValue = "file", matchIfMissing = true)
    SmsSender fileSmsSender(SurveyProperties properties) {
        String file = properties.sms().outboxFile();
        return new FileSmsSender(file == null || file.isBlank() ? null : Path.of(file));
    }

    /**
     * Alibaba Cloud SMS ({@code huifang.survey.sms.provider=aliyun}), behind the resilience4j circuit breaker and
     * retry named {@value #SMS_PROVIDER} (visible in the actuator's metrics like every other breaker).
     */
    @Bean
    @ConditionalOnProperty(name = "huifang.survey.sms.provider", havingValue = "aliyun")
    SmsSender aliyunSmsSender(SurveyProperties properties, Clock clock,
                              ObjectProvider<CircuitBreakerRegistry> breakers, ObjectProvider<RetryRegistry> retries) {
        SurveyProperties.Aliyun a = properties.sms().aliyun();
        require(a.accessKeyId(), "access-key-id");
        require(a.accessKeySecret(), "access-key-secret");
        require(a.signName(), "sign-name");
        require(a.templateCode(), "template-code");
        CircuitBreaker breaker = breakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults)
                .circuitBreaker(SMS_PROVIDER, breakerConfig());
        Retry retry = retries.getIfAvailable(RetryRegistry::ofDefaults)
                .retry(SMS_PROVIDER, retryConfig(a.attempts(), a.retryWait()));
        return new AliyunSmsSender(new AliyunSmsSender.Settings(a.endpoint(), a.accessKeyId(), a.accessKeySecret(),
                a.signName(), a.templateCode(), a.regionId(), a.connectTimeout(), a.requestTimeout()), clock, breaker,
                retry);
    }

    /** Opens when half of the last 20 sends (at least 10) found the provider unwell; tries again after 30 s. */
    static CircuitBreakerConfig breakerConfig() {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(AliyunSmsSender::providerFailure)
                .build();
    }

    static RetryConfig retryConfig(int attempts, Duration wait) {
        return RetryConfig.custom()
                .maxAttempts(attempts)
                .waitDuration(wait)
                .retryOnException(AliyunSmsSender::worthRetrying)
                .build();
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("huifang.survey.sms.aliyun." + name + " must be set for provider aliyun");
        }
    }
}
