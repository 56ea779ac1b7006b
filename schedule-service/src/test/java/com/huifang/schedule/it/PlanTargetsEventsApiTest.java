package com.huifang.schedule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.Topics;
import com.huifang.schedule.plan.pack.PlanJson;
import com.huifang.schedule.plan.pack.PlanPacks;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** {@code PlanTargetsChanged} on the tenant-settings topic with every plan publish and retire, for reporting. */
class PlanTargetsEventsApiTest extends ScheduleApiTest {

    @Test
    void everyPublishedVersionAndTheRetireCarryTheVersionAndTargetsKeyedByPlan() {
        String tenant = tenant();
        String supervisor = token(tenant, "sup-1", "SUPERVISOR");
        String plan = new PlanJson().write(PlanPacks.load("insurance-new-policy"));
        String planId = PlanPacks.load("insurance-new-policy").id();
        http.post().uri("/api/plans").headers(h -> h.setBearerAuth(supervisor)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(plan).exchange().expectStatus().isCreated();
        String raised = plan.replace("\"successRatePercent\" : 90", "\"successRatePercent\" : 95");
        assertThat(raised).isNotEqualTo(plan);
        http.put().uri("/api/plans/{id}", planId).headers(h -> h.setBearerAuth(supervisor))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(raised).exchange().expectStatus().isOk();
        // refused: an invalid version and a second create publish nothing
        http.put().uri("/api/plans/{id}", planId).headers(h -> h.setBearerAuth(supervisor))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(raised.replace("\"CALENDAR_DAYS\"", "\"FORTNIGHTS\""))
                .exchange().expectStatus().isBadRequest();
        http.post().uri("/api/plans").headers(h -> h.setBearerAuth(supervisor)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(plan).exchange().expectStatus().isEqualTo(409);
        http.delete().uri("/api/plans/{id}", planId).headers(h -> h.setBearerAuth(supervisor))
                .exchange().expectStatus().isNoContent();

        List<EventEnvelope> changes = targetsChanged(tenant, 3);
        assertThat(changes).extracting(EventEnvelope::key).containsOnly(planId);
        assertThat(changes).extracting(e -> e.payload().get("version").asInt() + (e.payload().get("retired").asBoolean() ? "r" : ""))
                .containsExactlyInAnyOrder("1", "2", "2r");
        JsonNode v1 = of(changes, 1, false);
        assertThat(v1.get("planId").asText()).isEqualTo(planId);
        assertThat(v1.get("coveragePercent").asDouble()).isEqualTo(100.0);
        assertThat(v1.get("successRatePercent").asDouble()).isEqualTo(90.0);
        assertThat(v1.get("name").asText()).isEqualTo(PlanPacks.load("insurance-new-policy").name());
        assertThat(of(changes, 2, false).get("successRatePercent").asDouble()).isEqualTo(95.0);
        JsonNode retired = of(changes, 2, true);
        assertThat(retired.get("retired").asBoolean()).isTrue();
        assertThat(retired.get("successRatePercent").asDouble()).isEqualTo(95.0);
    }

    @Test
    void aPlanWithoutASuccessTargetPublishesItAsAbsentAndAnInstalledPackPublishesToo() {
        String tenant = tenant();
        String supervisor = token(tenant, "sup-1", "SUPERVISOR");
        http.post().uri("/api/plans/packs/hospital-inpatient").headers(h -> h.setBearerAuth(supervisor))
                .exchange().expectStatus().isCreated();

        List<EventEnvelope> changes = targetsChanged(tenant, 1);
        assertThat(changes).hasSize(1);
        JsonNode p = changes.get(0).payload();
        assertThat(p.get("version").asInt()).isEqualTo(1);
        assertThat(p.get("retired").asBoolean()).isFalse();
        assertThat(p.get("coveragePercent").asDouble()).isEqualTo(100.0);
        assertThat(p.has("successRatePercent") && !p.get("successRatePercent").isNull()).isFalse();
        // another tenant's retire of the same plan id changes nothing here
        http.delete().uri("/api/plans/{id}", "hospital-inpatient")
                .headers(h -> h.setBearerAuth(token(tenant(), "sup-1", "SUPERVISOR"))).exchange().expectStatus().isNotFound();
    }

    private static JsonNode of(List<EventEnvelope> changes, int version, boolean retired) {
        return changes.stream().map(EventEnvelope::payload)
                .filter(p -> p.get("version").asInt() == version && p.get("retired").asBoolean() == retired)
                .findFirst().orElseThrow();
    }

    /** The tenant's PlanTargetsChanged events (one per event id, in topic order) once {@code expected} arrived. */
    private static List<EventEnvelope> targetsChanged(String tenant, int expected) {
        List<EventEnvelope> read = readTopic(Topics.TENANT_SETTINGS,
                r -> distinct(r, tenant).size() >= expected, Duration.ofSeconds(2));
        return distinct(read, tenant);
    }

    private static List<EventEnvelope> distinct(List<EventEnvelope> read, String tenant) {
        Map<UUID, EventEnvelope> byId = new LinkedHashMap<>();
        read.stream().filter(e -> tenant.equals(e.tenantId()) && "PlanTargetsChanged".equals(e.type()))
                .forEach(e -> byId.putIfAbsent(e.eventId(), e));
        return List.copyOf(byId.values());
    }
}
