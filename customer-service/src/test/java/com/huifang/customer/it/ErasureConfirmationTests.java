package com.huifang.customer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.AuditRecorded;
import com.huifang.contracts.events.CustomerErasureConfirmed;
import com.huifang.customer.customer.ErasureProgress;
import com.huifang.platform.erasure.ErasureConfirmations;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.Date;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Other services confirm their anonymisation of an erased customer (issue 10 §2): the confirmations
 * arrive on the real broker, as the services publish them, and the request becomes COMPLETE once all
 * expected services confirmed — audited once, replay-safe, and blind to other tenants.
 */
class ErasureConfirmationTests extends CustomerServiceIntegrationTest {

    private static final List<String> EXPECTED = List.of("feedback-service", "reporting-service", "schedule-service",
            "survey-service");

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    ErasureProgress progress;

    @Autowired
    MeterRegistry registry;

    /** What {@code ErasureConfirmations} of {@code service} would publish, sent under {@code tenant}'s envelope. */
    private void confirm(String tenant, String customerId, String requestId, String service, Instant at, UUID eventId)
            throws Exception {
        var payload = new CustomerErasureConfirmed(customerId, requestId, service, 3, at);
        String record = EventJson.write(EventJson.envelope(eventId, payload, tenant, "corr-" + requestId, at));
        kafka.send(Topics.CUSTOMERS, customerId, record).get(10, TimeUnit.SECONDS);
    }

    private void confirm(String tenant, String customerId, String requestId, String service) throws Exception {
        confirm(tenant, customerId, requestId, service, CLOCK.instant(),
                ErasureConfirmations.eventIdFor(service, customerId, requestId));
    }

    private JsonNode erasure(String token, String id) {
        return http.get().uri("/api/customers/{id}/erasure", id).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private String erasedCustomer(String tenant, String sup, String requestId, String phone) {
        String id = createCustomer(sup, CustomerEventsAndAuditTests.customer("孙丽", "女士", phone)).get("id").asText();
        post(sup, "/api/customers/" + id + "/erasure", Map.of("requestId", requestId)).exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(30)).until(() -> "PUBLISHED".equals(erasure(sup, id).path("state").asText()));
        return id;
    }

    private double gauge(String status) {
        return registry.get("huifang.customer.erasures").tag("status", status).gauge().value();
    }

    @Test
    void whenEveryExpectedServiceConfirmedThenTheErasureIsCompleteAndAuditedOnce() throws Exception {
        String tenant = tenant();
        String sup = token(tenant, "sup-1", "SUPERVISOR");
        try (KafkaConsumer<String, String> audit = consumer(Topics.AUDIT)) {
            String id = erasedCustomer(tenant, sup, "req-done", "13712340001");
            JsonNode before = erasure(sup, id);
            assertThat(before.path("status").asText()).isEqualTo("PENDING");
            assertThat(before.path("expectedServices")).extracting(JsonNode::asText).containsExactlyElementsOf(EXPECTED);

            Instant firstAt = CLOCK.instant();
            for (String service : EXPECTED.subList(0, 3)) {
                confirm(tenant, id, "req-done", service);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> erasure(sup, id).path("confirmations").size() == 3);
            JsonNode partly = erasure(sup, id);
            assertThat(partly.path("status").asText()).isEqualTo("PENDING");
            assertThat(partly.path("pendingServices")).extracting(JsonNode::asText).containsExactly("survey-service");
            assertThat(partly.path("completedAt").isNull()).isTrue();

            // the same confirmation again (a replayed CustomerErased), and one under a new event id with a
            // later time (another instance's copy): neither changes the recorded confirmation
            CLOCK.advance(Duration.ofMinutes(5));
            confirm(tenant, id, "req-done", "feedback-service");
            confirm(tenant, id, "req-done", "feedback-service", CLOCK.instant(), UUID.randomUUID());
            confirm(tenant, id, "req-done", "survey-service");

            await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETE".equals(erasure(sup, id).path("status").asText()));
            JsonNode complete = erasure(token(tenant, "aud-1", "AUDITOR"), id);
            assertThat(complete.path("pendingServices").size()).isZero();
            assertThat(complete.path("completedAt").asText()).isNotEmpty();
            assertThat(Instant.parse(complete.path("confirmations").path("feedback-service").asText()))
                    .isEqualTo(firstAt);

            List<AuditRecorded> completed = recordsContaining(audit, tenant, 2, Duration.ofSeconds(30)).stream()
                    .map(EventJson::read).filter(e -> e.tenantId().equals(tenant))
                    .map(e -> EventJson.payload(e, AuditRecorded.class))
                    .filter(a -> a.action().equals("customer.erasure.completed")).toList();
            assertThat(completed).singleElement().satisfies(a -> {
                assertThat(a.actorRole()).isEqualTo("SYSTEM");
                assertThat(a.targetId()).isEqualTo(id);
                assertThat(a.after()).containsEntry("status", "COMPLETE").containsEntry("requestId", "req-done");
                assertThat(a.toString()).doesNotContain("孙丽").doesNotContain("13712340001");
            });
        }
        progress.sweep().block();
        assertThat(gauge("complete")).isGreaterThanOrEqualTo(1);
        assertThat(registry.get("huifang.customer.erasure.confirmations").tag("outcome", "duplicate").counter().count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aConfirmationNamingAnotherTenantsCustomerChangesNothing() throws Exception {
        String tenant = tenant();
        String sup = token(tenant, "sup-1", "SUPERVISOR");
        String id = erasedCustomer(tenant, sup, "req-own", "13712340002");
        String other = tenant();
        double unmatched = registry.get("huifang.customer.erasure.confirmations").tag("outcome", "unmatched").counter()
                .count();

        confirm(other, id, "req-own", "schedule-service", CLOCK.instant(), UUID.randomUUID());
        // a request id this customer never had, then a real confirmation: same key, so read after both
        confirm(tenant, id, "req-unknown", "survey-service", CLOCK.instant(), UUID.randomUUID());
        confirm(tenant, id, "req-own", "reporting-service");

        await().atMost(Duration.ofSeconds(30)).until(() -> erasure(sup, id).path("confirmations").size() == 1);
        JsonNode view = erasure(sup, id);
        assertThat(view.path("confirmations").has("reporting-service")).isTrue();
        assertThat(view.path("status").asText()).isEqualTo("PENDING");
        assertThat(registry.get("huifang.customer.erasure.confirmations").tag("outcome", "unmatched").counter().count())
                .isGreaterThanOrEqualTo(unmatched + 2);
        http.get().uri("/api/customers/{id}/erasure", id).headers(h -> h.setBearerAuth(token(other, "sup-x", "SUPERVISOR")))
                .exchange().expectStatus().isNotFound();
        progress.sweep().block();
        assertThat(gauge("pending")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void confirmationsThatOvertakeTheRelayAreKeptAndTheSweepCompletesTheRequestOnceItIsPublished() {
        String tenant = tenant();
        String sup = token(tenant, "sup-1", "SUPERVISOR");
        String id = erasedCustomer(tenant, sup, "req-late", "13712340003");
        Query customer = Query.query(Criteria.where("_id").is(id));
        String erasedEventId = mongo.findOne(customer, Document.class, "customers").block()
                .get("erasure", Document.class).getString("erasedEventId");
        // as if CustomerErased were still waiting in the outbox, held by another relay instance
        mongo.updateFirst(customer, new Update().push("outbox", new Document("eventId", erasedEventId))
                        .set("outboxLease", new Document("owner", "elsewhere").append("token", "t")
                                .append("until", Date.from(Instant.parse("2100-01-01T00:00:00Z")))),
                "customers").block();
        assertThat(erasure(sup, id).path("state").asText()).isEqualTo("ANONYMISED");

        for (String service : EXPECTED) {
            var confirmation = new CustomerErasureConfirmed(id, "req-late", service, 0, CLOCK.instant());
            assertThat(progress.confirm(tenant, "corr-late", confirmation).block())
                    .isEqualTo(ErasureProgress.Outcome.RECORDED);
        }
        progress.sweep().block();
        JsonNode unpublished = erasure(sup, id);
        assertThat(unpublished.path("confirmations").size()).isEqualTo(4);
        assertThat(unpublished.path("status").asText()).isEqualTo("PENDING");
        assertThat(unpublished.path("completedAt").isNull()).isTrue();

        // the relay sends it and pulls it: the next sweep stamps the request complete, with its audit entry
        mongo.updateFirst(customer, new Update().pull("outbox", new Document("eventId", erasedEventId))
                .unset("outboxLease"), "customers").block();
        progress.sweep().block();
        JsonNode complete = erasure(sup, id);
        assertThat(complete.path("status").asText()).isEqualTo("COMPLETE");
        assertThat(complete.path("completedAt").asText()).isNotEmpty();
        Document stored = mongo.findOne(customer, Document.class, "customers").block();
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(Query.query(Criteria.where("_id").is(id)
                .and("outbox").size(0)), "customers").block());
        assertThat(stored.get("erasure", Document.class).get("completedAt")).isNotNull();
    }
}
