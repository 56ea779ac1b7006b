package com.huifang.customer.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.contracts.EventJson;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.AuditRecorded;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** A tenant's own codes (categories, service-event types) are audited with every change (issue 10 §1). */
class TenantCodesAuditTests extends CustomerServiceIntegrationTest {

    private void putCodes(String token, Map<String, Object> body, int status) {
        http.put().uri("/api/customers/codes").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isEqualTo(status);
    }

    @Test
    void everyChangeOfTheCodesIsAuditedWithBeforeAndAfterAndARepeatOrARejectionIsNot() {
        String tenant = tenant();
        String admin = token(tenant, "admin-1", "ADMIN");
        try (KafkaConsumer<String, String> audit = consumer(Topics.AUDIT)) {
            Map<String, Object> first = Map.of("categories", List.of("住院", "门诊"), "defaultCategory", "门诊",
                    "serviceEventTypes", List.of("DISCHARGED", "FIRST_VISIT"));
            putCodes(admin, first, 200);
            // the same codes again: nothing changes, nothing is audited
            putCodes(admin, first, 200);
            // rejected or forbidden: nothing stored, nothing audited
            putCodes(admin, Map.of("categories", List.of("a,b"), "serviceEventTypes", List.of("x")), 400);
            putCodes(token(tenant, "sup-1", "SUPERVISOR"), first, 403);
            // a category removed, an event type added
            putCodes(token(tenant, "admin-2", "ADMIN"), Map.of("categories", List.of("住院"), "defaultCategory", "住院",
                    "serviceEventTypes", List.of("DISCHARGED", "FIRST_VISIT", "CHECKUP")), 200);
            // another tenant's change is its own
            putCodes(token(tenant(), "admin-x", "ADMIN"), first, 200);

            List<AuditRecorded> entries = recordsContaining(audit, tenant, 2, Duration.ofSeconds(30)).stream()
                    .map(EventJson::read).filter(e -> e.tenantId().equals(tenant))
                    .map(e -> EventJson.payload(e, AuditRecorded.class)).toList();

            assertThat(entries).extracting(AuditRecorded::action).containsExactly("tenant-codes.changed",
                    "tenant-codes.changed");
            AuditRecorded defined = entries.get(0);
            assertThat(defined.actor()).isEqualTo("admin-1");
            assertThat(defined.actorRole()).isEqualTo("ADMIN");
            assertThat(defined.targetType()).isEqualTo("tenant-codes");
            assertThat(defined.targetId()).isEqualTo(tenant);
            assertThat(defined.before()).containsEntry("source", "defaults").containsEntry("defaultCategory", "普通客户");
            assertThat(defined.after()).containsEntry("categories", "住院,门诊")
                    .containsEntry("serviceEventTypes", "DISCHARGED,FIRST_VISIT");
            AuditRecorded changed = entries.get(1);
            assertThat(changed.actor()).isEqualTo("admin-2");
            assertThat(changed.before()).containsEntry("source", "tenant").containsEntry("categories", "住院,门诊");
            assertThat(changed.after()).containsEntry("categories", "住院").containsEntry("defaultCategory", "住院")
                    .containsEntry("serviceEventTypes", "CHECKUP,DISCHARGED,FIRST_VISIT");
        }
        http.get().uri("/api/customers/codes").headers(h -> h.setBearerAuth(token(tenant, "agent-1", "AGENT"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.categories.length()").isEqualTo(1);
    }
}
