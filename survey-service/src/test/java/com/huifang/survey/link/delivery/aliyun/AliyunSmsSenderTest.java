package com.huifang.survey.link.delivery.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huifang.survey.link.delivery.LinkMessage;
import com.huifang.survey.link.delivery.SmsDeliveryException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AliyunSmsSenderTest {

    private final FakeAliyunSms provider = new FakeAliyunSms();
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-10T02:00:00Z"), ZoneOffset.UTC);

    @AfterEach
    void stop() {
        provider.close();
    }

    private AliyunSmsSender sender(String secret, Duration requestTimeout, CircuitBreaker breaker) {
        return new AliyunSmsSender(new AliyunSmsSender.Settings(provider.endpoint(), FakeAliyunSms.ACCESS_KEY_ID,
                secret, FakeAliyunSms.SIGN_NAME, FakeAliyunSms.TEMPLATE_CODE, "cn-hangzhou", Duration.ofSeconds(1),
                requestTimeout), clock, breaker,
                Retry.of("t", RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ofMillis(10))
                        .retryOnException(AliyunSmsSender::worthRetrying).build()));
    }

    private static CircuitBreaker breaker(int window) {
        return CircuitBreaker.of("t", CircuitBreakerConfig.custom().slidingWindowSize(window)
                .minimumNumberOfCalls(window).failureRateThreshold(50).waitDurationInOpenState(Duration.ofMinutes(1))
                .recordException(AliyunSmsSender::providerFailure).build());
    }

    private static LinkMessage message(String phone) {
        return new LinkMessage(phone, "", "text", Map.of("link", "https://h.example/s/abc 中文*~"));
    }

    @Test
    void aSignedRequestIsAcceptedAndItsTemplateValuesArriveIntact() {
        sender(FakeAliyunSms.ACCESS_KEY_SECRET, Duration.ofSeconds(2), breaker(10)).send(message("13912345678"));
        assertThat(provider.rejections()).isEmpty();
        assertThat(provider.sentTo("13912345678")).singleElement()
                .satisfies(s -> assertThat(s.templateParam()).containsEntry("link", "https://h.example/s/abc 中文*~"));
    }

    @Test
    void aRequestSignedWithTheWrongSecretIsRefusedByTheProviderAndNotRetried() {
        assertThatThrownBy(() -> sender("wrong", Duration.ofSeconds(2), breaker(10)).send(message("13912345678")))
                .isInstanceOf(SmsDeliveryException.class).hasMessageContaining("SignatureDoesNotMatch");
        assertThat(provider.requestsFor("13912345678")).isEqualTo(1);
    }

    @Test
    void aProviderSlowerThanTheRequestTimeoutFailsFastAndIsNotRepeatedSinceItMayHaveSent() {
        provider.slow("13912345678", 3_000);
        long start = System.nanoTime();
        assertThatThrownBy(() -> sender(FakeAliyunSms.ACCESS_KEY_SECRET, Duration.ofMillis(300), breaker(10))
                .send(message("13912345678")))
                .isInstanceOfSatisfying(SmsDeliveryException.class, e -> assertThat(e.providerCode()).isEqualTo("TIMEOUT"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(provider.requestsFor("13912345678")).isEqualTo(1);
    }

    @Test
    void afterTheProviderKeepsFailingTheCircuitOpensAndFurtherSendsDoNotReachIt() {
        provider.fail("13900000001");
        CircuitBreaker breaker = breaker(3);
        AliyunSmsSender sender = sender(FakeAliyunSms.ACCESS_KEY_SECRET, Duration.ofSeconds(2), breaker);
        assertThatThrownBy(() -> sender.send(message("13900000001"))).isInstanceOf(SmsDeliveryException.class);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        assertThatThrownBy(() -> sender.send(message("13912345678"))).isInstanceOf(CallNotPermittedException.class);
        assertThat(provider.requestsFor("13912345678")).isZero();
    }

    @Test
    void refusalsOfSingleNumbersDoNotOpenTheCircuit() {
        provider.refuse("13900000002", "isv.MOBILE_NUMBER_ILLEGAL");
        CircuitBreaker breaker = breaker(3);
        AliyunSmsSender sender = sender(FakeAliyunSms.ACCESS_KEY_SECRET, Duration.ofSeconds(2), breaker);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> sender.send(message("13900000002"))).isInstanceOf(SmsDeliveryException.class);
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        sender.send(message("13912345678"));
        assertThat(provider.sentTo("13912345678")).hasSize(1);
    }
}
