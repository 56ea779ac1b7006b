package com.huifang.customer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.AuditRecorded;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Admins deactivate a partner system (a contract ended, a secret leaked) and reactivate it: a
 * deactivated partner's signed pushes are refused with 403 and store nothing, its Kafka events are
 * skipped (not dead-lettered), and both actions are audited.
 */
class PartnerDeactivationTests extends CustomerServiceIntegrationTest {

    @Autowired
    MeterRegistry registry;

    @Autowired
    KafkaTemplate<String, String> kafka;

    private long serviceEventsOf(String tenant) {
        return mongo.count(Query.query(Criteria.where("tenantId").is(tenant)), "service_events").block();
    }

    private double counter(String name, String reason) {
        var c = registry.find(name).tag("reason", reason).counter();
        return c == null ? 0 : c.count();
    }

    private byte[] batch(String eventId, String ref, String phone) {
        return ("[{\"eventId\":\"" + eventId + "\",\"event\":" + new String(dischargeBody(ref, phone), StandardCharsets.UTF_8)
                + "}]").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aDeactivatedPartnersSignedPushesAreRefusedAndStoreNothingUntilItIsReactivated() {
        String tenant = tenant();
        String partner = "his-" + tenant;
        String secret = registerPartner(tenant, partner);
        String admin = token(tenant, "admin-1", "ADMIN");
        try (KafkaConsumer<String, String> audit = consumer(Topics.AUDIT)) {
            push("/api/partner/events", partner, secret, "d-1", now(), dischargeBody("D-1", "13900000101"))
                    .expectStatus().isAccepted();

            post(admin, "/api/partners/" + partner + "/deactivation", Map.of()).exchange()
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
            post(admin, "/api/partners/" + partner + "/deactivation", Map.of("reason", "x".repeat(501))).exchange()
                    .expectStatus().isBadRequest();
            post(token(tenant, "sup-1", "SUPERVISOR"), "/api/partners/" + partner + "/deactivation",
                    Map.of("reason", "合同终止")).exchange().expectStatus().isForbidden();
            post(token(tenant(), "admin-x", "ADMIN"), "/api/partners/" + partner + "/deactivation",
                    Map.of("reason", "合同终止")).exchange().expectStatus().isNotFound();
            push("/api/partner/events", partner, secret, "d-2", now(), dischargeBody("D-2", "13900000102"))
                    .expectStatus().isAccepted();

            double refused = counter("huifang.customer.partner.refused", "deactivated");
            post(admin, "/api/partners/" + partner + "/deactivation", Map.of("reason", "合同终止")).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.state").isEqualTo("DEACTIVATED")
                    .jsonPath("$.active").isEqualTo(false)
                    .jsonPath("$.deactivatedBy").isEqualTo("admin-1")
                    .jsonPath("$.deactivationReason").isEqualTo("合同终止");
            // again: nothing changes, nothing is audited twice
            post(admin, "/api/partners/" + partner + "/deactivation", Map.of("reason", "再次")).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.deactivationReason").isEqualTo("合同终止");

            push("/api/partner/events", partner, secret, "d-3", now(), dischargeBody("D-3", "13900000103"))
                    .expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo("partner-deactivated");
            push("/api/partner/events/batch", partner, secret, "b-1", now(), batch("d-4", "D-4", "13900000104"))
                    .expectStatus().isForbidden();
            // whoever does not hold the secret still learns nothing
            push("/api/partner/events", partner, "not-the-secret", "d-5", now(), dischargeBody("D-5", "13900000105"))
                    .expectStatus().isUnauthorized();
            assertThat(serviceEventsOf(tenant)).isEqualTo(2);
            assertThat(counter("huifang.customer.partner.refused", "deactivated")).isEqualTo(refused + 2);

            http.get().uri("/api/partners").headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$[0].state").isEqualTo("DEACTIVATED")
                    .jsonPath("$[0].deactivationReason").isEqualTo("合同终止");

            post(token(tenant(), "admin-x", "ADMIN"), "/api/partners/" + partner + "/reactivation", Map.of()).exchange()
                    .expectStatus().isNotFound();
            post(admin, "/api/partners/" + partner + "/reactivation", Map.of("reason", "续约")).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("ACTIVE")
                    .jsonPath("$.deactivationReason").doesNotExist();
            push("/api/partner/events", partner, secret, "d-3", now(), dischargeBody("D-3", "13900000103"))
                    .expectStatus().isAccepted();
            assertThat(serviceEventsOf(tenant)).isEqualTo(3);

            List<AuditRecorded> entries = recordsContaining(audit, tenant, 3, Duration.ofSeconds(30)).stream()
                    .map(EventJson::read).filter(e -> e.tenantId().equals(tenant))
                    .map(e -> EventJson.payload(e, AuditRecorded.class)).toList();
            assertThat(entries).extracting(AuditRecorded::action)
                    .containsExactlyInAnyOrder("partner.registered", "partner.deactivated", "partner.reactivated");
            AuditRecorded deactivated = entries.stream().filter(a -> a.action().equals("partner.deactivated"))
                    .findFirst().orElseThrow();
            assertThat(deactivated.actor()).isEqualTo("admin-1");
            assertThat(deactivated.targetId()).isEqualTo(partner);
            assertThat(deactivated.reason()).isEqualTo("合同终止");
            assertThat(deactivated.before()).containsEntry("active", "true");
            assertThat(deactivated.after()).containsEntry("active", "false");
            assertThat(entries).filteredOn(a -> a.action().equals("partner.reactivated")).singleElement()
                    .satisfies(a -> assertThat(a.reason()).isEqualTo("续约"));
        }
    }

    @Test
    void aDeactivatedPartnersKafkaEventsAreSkippedNotDeadLettered() throws Exception {
        String tenant = tenant();
        String partner = "erp-" + tenant;
        registerPartner(tenant, partner);
        post(token(tenant, "admin-1", "ADMIN"), "/api/partners/" + partner + "/deactivation",
                Map.of("reason", "停用")).exchange().expectStatus().isOk();
        double skipped = counter("huifang.customer.partner.events.skipped", "deactivated");
        String payload = "{\"partnerId\":\"" + partner + "\",\"eventId\":\"k-9\","
                + new String(dischargeBody("K-9", "13900000201"), StandardCharsets.UTF_8).substring(1);
        String envelope = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"PartnerServiceEvent\",\"schemaVersion\":1,"
                + "\"tenantId\":\"" + tenant + "\",\"occurredAt\":\"" + Instant.now() + "\",\"correlationId\":\"c-9\","
                + "\"key\":\"K-9\",\"payload\":" + payload + "}";
        try (KafkaConsumer<String, String> dlt = consumer(Topics.PARTNER_EVENTS + ".DLT")) {
            kafka.send(Topics.PARTNER_EVENTS, "K-9", envelope).get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> counter("huifang.customer.partner.events.skipped", "deactivated") >= skipped + 1);
            assertThat(recordsContaining(dlt, tenant, 1, Duration.ofSeconds(3))).isEmpty();
        }
        assertThat(serviceEventsOf(tenant)).isZero();
        JsonNode partners = http.get().uri("/api/partners").headers(h -> h.setBearerAuth(token(tenant, "admin-1", "ADMIN")))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(partners.get(0).path("state").asText()).isEqualTo("DEACTIVATED");
    }
}
