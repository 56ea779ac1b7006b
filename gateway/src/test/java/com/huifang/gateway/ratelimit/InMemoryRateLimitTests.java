package com.huifang.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.gateway.GatewayApplication;
import com.huifang.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway without Redis: per-instance buckets (Bucket4j) per tenant and per partner, in front of a
 * stub upstream. Each test uses its own tenant so the buckets do not interact.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InMemoryRateLimitTests {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        StubUpstream.gatewayProperties().forEach(p -> {
            int eq = p.indexOf('=');
            registry.add(p.substring(0, eq), () -> p.substring(eq + 1));
        });
    }

    @Autowired
    WebTestClient web;

    @Autowired
    RateLimiter<?> limiter;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry registry;

    private WebTestClient.ResponseSpec worklist(String tenant, String user) {
        return web.get().uri("/api/worklist")
                .header("Authorization", "Bearer " + TestInfrastructure.token(tenant, user, "AGENT"))
                .exchange();
    }

    private WebTestClient.ResponseSpec partnerPush(String partner) {
        return web.post().uri("/api/partner/events")
                .header(CallerKeyResolver.PARTNER_HEADER, partner)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange();
    }

    @Test
    void withoutRedisTheBucketsAreKeptInThisInstance() {
        assertThat(limiter).isInstanceOf(LocalBucketRateLimiter.class);
    }

    @Test
    void whenATenantExceedsItsBurstThenTooManyRequestsProblemWithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            worklist("tiny-a", "agent-" + i).expectStatus().isOk()
                    .expectHeader().valueEquals("X-RateLimit-Remaining", String.valueOf(200 - 100 * i))
                    .expectHeader().valueEquals("X-RateLimit-Burst-Capacity", "300")
                    .expectHeader().valueEquals("X-RateLimit-Replenish-Rate", "1")
                    .expectHeader().valueEquals("X-RateLimit-Requested-Tokens", "100");
        }
        double refusedBefore = registry.counter("huifang.gateway.rate.limited", "kind", "tenant").count();
        // every user of the tenant draws from one bucket: a fourth user is refused too
        worklist("tiny-a", "agent-3").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", v -> assertThat(Integer.parseInt(v)).isBetween(95, 100))
                .expectHeader().valueEquals("X-RateLimit-Remaining", "0")
                .expectBody()
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.code").isEqualTo("rate-limited")
                .jsonPath("$.title").isEqualTo("请求过于频繁")
                .jsonPath("$.detail").value(d -> assertThat((String) d).containsPattern("请 \\d+ 秒后重试"));
        assertThat(registry.counter("huifang.gateway.rate.limited", "kind", "tenant").count())
                .as("refusals are counted").isEqualTo(refusedBefore + 1);
    }

    @Test
    void whenATenantIsLimitedThenAnotherTenantIsUnaffected() {
        for (int i = 0; i < 4; i++) {
            worklist("tiny-b", "agent");
        }
        worklist("tiny-b", "agent").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        worklist("tiny-c", "agent").expectStatus().isOk();
        // a tenant on the default limits (500/s, burst 1000)
        worklist("roomy", "agent").expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Burst-Capacity", "1000")
                .expectHeader().valueEquals("X-RateLimit-Remaining", "999");
    }

    @Test
    void whenAPartnerExceedsItsBurstThenItIsLimitedSeparatelyFromTenants() {
        partnerPush("tiny-partner").expectStatus().isOk();
        partnerPush("tiny-partner").expectStatus().isOk();
        partnerPush("tiny-partner").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.code").isEqualTo("rate-limited");
        // another partner has its own bucket
        partnerPush("other-partner").expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Burst-Capacity", "400");
        // a partner and a tenant of the same name do not share a bucket
        partnerPush("tiny-a").expectStatus().isOk();
        partnerPush("tiny-a").expectStatus().isOk();
        partnerPush("tiny-a").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void theTenantComesFromTheVerifiedTokenNotFromAHeader() {
        for (int i = 0; i < 3; i++) {
            worklist("tiny-en", "agent").expectStatus().isOk();
        }
        web.get().uri("/api/worklist")
                .header("Authorization", "Bearer " + TestInfrastructure.token("tiny-en", "agent", "AGENT"))
                .header("X-Tenant", "roomy").header("tenant", "roomy")
                .header("Accept-Language", "en")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Too many requests")
                .jsonPath("$.detail").value(d -> assertThat((String) d).containsPattern("try again in \\d+ seconds"));
    }

    @Test
    void whenTheTokenIsMissingThenUnauthorizedBeforeAnyBucketIsTouched() {
        web.get().uri("/api/worklist").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().doesNotExist("X-RateLimit-Remaining");
    }
}
