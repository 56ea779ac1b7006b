package com.huifang.reporting.it;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.contracts.EventCatalog;
import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.EventJson;
import com.huifang.reporting.facts.domain.AppliedEvent;
import com.huifang.reporting.facts.domain.NovemberFixture;
import com.huifang.testsupport.MutableClock;
import com.huifang.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one Spring context of this module's integration tests (shared, so cached): the real embedded
 * Kafka broker and MongoDB-wire store, the clock at 2026-11-20 12:00 UTC, business metrics refreshed
 * every second, and the November fixture of the domain tests published once on the topics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"reporting.metrics.refresh=1s", "huifang.kafka.retries=1",
                "reporting.cache.serve-stale=false", "reporting.cache.min-reload-interval=0s"})
@AutoConfigureObservability
public abstract class ReportingIntegrationTest {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    static final MutableClock CLOCK = new MutableClock(NOW);
    private static volatile boolean published;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "reporting-it");
    }

    @TestConfiguration
    static class Time {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @Autowired
    protected WebTestClient http;
    @Autowired
    protected KafkaTemplate<String, String> kafka;

    protected static String token(String tenant, String... roles) {
        return TestInfrastructure.token(tenant, "user-" + tenant, roles);
    }

    protected static final String SUPERVISOR = token("t1", "SUPERVISOR");

    /** Sends one event as its producer would: on its catalogued topic, keyed by its key. */
    protected void publish(AppliedEvent e, UUID eventId) {
        EventEnvelope envelope = EventJson.envelope(eventId, e.payload(), e.tenantId(), "it-" + eventId, e.occurredAt());
        kafka.send(EventCatalog.of(e.payload().getClass()).topic(), envelope.key(), EventJson.write(envelope)).join();
    }

    protected JsonNode get(String token, String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Autowired
    protected MeterRegistry registry;

    /** Events the facts handler has projected so far (the inbox counts each once, after its effect). */
    protected double consumed() {
        return registry.find("huifang.events.consumed").tag("handler", "facts").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    protected void awaitConsumed(double atLeast) {
        await().atMost(Duration.ofSeconds(60)).until(() -> consumed() >= atLeast);
    }

    /** Publishes the fixture once per JVM (agents placed first), then waits until every event is projected. */
    protected void fixturePublished() {
        synchronized (ReportingIntegrationTest.class) {
            if (published) {
                return;
            }
            for (Map.Entry<String, String[]> a : Map.of("a1", new String[] {"T1", "D1"},
                    "a2", new String[] {"T2", "D1"}).entrySet()) {
                http.put().uri("/api/reports/agents/{id}/placement", a.getKey())
                        .headers(h -> h.setBearerAuth(SUPERVISOR)).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("team", a.getValue()[0], "department", a.getValue()[1]))
                        .exchange().expectStatus().isOk();
            }
            List<AppliedEvent> events = NovemberFixture.events();
            double before = consumed();
            events.forEach(e -> publish(e, e.eventId()));
            awaitConsumed(before + events.size());
            published = true;
        }
    }
}
