package com.huifang.schedule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.Topics;
import com.huifang.schedule.plan.pack.PlanJson;
import com.huifang.schedule.plan.pack.PlanPacks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Audit entries (one per action, right actor and role, no personal data) for plans, calendars,
 * teams, absences and manual reassignment; {@code TenantCalendarChanged} on every calendar change.
 */
class AuditAndCalendarEventsApiTest extends ScheduleApiTest {

    @Test
    void planCreatePublishAndRetireEachWriteOneAuditEntryNamingTheEditor() {
        String tenant = tenant();
        String supervisor = token(tenant, "sup-7", "SUPERVISOR");
        String plan = new PlanJson().write(PlanPacks.load("hospital-outpatient"));
        String planId = PlanPacks.load("hospital-outpatient").id();
        http.post().uri("/api/plans").headers(h -> h.setBearerAuth(supervisor)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(plan).exchange().expectStatus().isCreated();
        http.put().uri("/api/plans/{id}", planId).headers(h -> h.setBearerAuth(supervisor))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(plan).exchange().expectStatus().isOk();
        // refused changes write nothing
        http.post().uri("/api/plans").headers(h -> h.setBearerAuth(supervisor)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(plan).exchange().expectStatus().isEqualTo(409);
        http.delete().uri("/api/plans/{id}", planId).headers(h -> h.setBearerAuth(token(tenant, "agent-1", "AGENT")))
                .exchange().expectStatus().isForbidden();
        http.delete().uri("/api/plans/{id}?reason=replaced", planId).headers(h -> h.setBearerAuth(supervisor))
                .exchange().expectStatus().isNoContent();
        http.delete().uri("/api/plans/{id}", planId).headers(h -> h.setBearerAuth(supervisor))
                .exchange().expectStatus().isNotFound();

        List<JsonNode> entries = audit(tenant, 3);
        assertThat(entries).extracting(e -> e.get("action").asText())
                .containsExactlyInAnyOrder("plan.created", "plan.published", "plan.retired");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.get("actor").asText()).isEqualTo("sup-7");
            assertThat(e.get("actorRole").asText()).isEqualTo("SUPERVISOR");
            assertThat(e.get("targetType").asText()).isEqualTo("plan");
            assertThat(e.get("targetId").asText()).isEqualTo(planId);
            assertThat(e.get("service").asText()).isEqualTo("schedule-service");
        });
        JsonNode published = byAction(entries, "plan.published");
        assertThat(published.get("before").get("version").asText()).isEqualTo("1");
        assertThat(published.get("after").get("version").asText()).isEqualTo("2");
        assertThat(byAction(entries, "plan.retired").get("reason").asText()).isEqualTo("replaced");
    }

    @Test
    void everyCalendarChangePublishesTheWholeCalendarWithItsVersionAndOneAuditEntry() {
        String tenant = tenant();
        String admin = token(tenant, "admin-3", "ADMIN");
        http.put().uri("/api/calendars").headers(h -> h.setBearerAuth(admin))
                .bodyValue(Map.of("callingWindows", "09:00-11:00, 14:00-16:00", "businessHours", "09:00-12:00,13:30-18:00"))
                .exchange().expectStatus().isOk();
        http.post().uri("/api/calendars/years").headers(h -> h.setBearerAuth(admin)).contentType(MediaType.TEXT_PLAIN)
                .bodyValue(CalendarsApiTest.YEAR_2027).exchange().expectStatus().isCreated();
        // refused: nothing stored, nothing published
        http.put().uri("/api/calendars").headers(h -> h.setBearerAuth(admin))
                .bodyValue(Map.of("zone", "Mars/Olympus")).exchange().expectStatus().isBadRequest();
        http.put().uri("/api/calendars").headers(h -> h.setBearerAuth(token(tenant, "sup-1", "SUPERVISOR")))
                .bodyValue(Map.of("zone", "Asia/Shanghai")).exchange().expectStatus().isForbidden();

        List<EventEnvelope> changes = distinct(readTopic(Topics.TENANT_SETTINGS,
                read -> distinct(read, tenant).size() >= 2, Duration.ofSeconds(2)), tenant);
        assertThat(changes).extracting(EventEnvelope::type).containsOnly("TenantCalendarChanged");
        assertThat(changes).extracting(e -> e.payload().get("version").asInt()).containsExactly(1, 2);
        assertThat(changes).extracting(EventEnvelope::key).containsOnly(tenant);
        JsonNode latest = changes.get(1).payload();
        assertThat(latest.get("tenant").asText()).isEqualTo(tenant);
        assertThat(latest.get("zone").asText()).isEqualTo("Asia/Shanghai");
        assertThat(latest.get("callingWindows").asText()).isEqualTo("09:00-11:00, 14:00-16:00");
        assertThat(latest.get("businessHours").asText()).isEqualTo("09:00-12:00,13:30-18:00");
        assertThat(latest.get("uploadedYears").get(0).asText()).contains("2027-01-09");
        assertThat(changes.get(0).payload().get("uploadedYears")).isEmpty();

        List<JsonNode> entries = audit(tenant, 2);
        assertThat(entries).extracting(e -> e.get("action").asText())
                .containsExactlyInAnyOrder("calendar.configured", "calendar.year-uploaded");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.get("actor").asText()).isEqualTo("admin-3");
            assertThat(e.get("actorRole").asText()).isEqualTo("ADMIN");
            assertThat(e.get("targetId").asText()).isEqualTo(tenant);
        });
        assertThat(byAction(entries, "calendar.year-uploaded").get("after").get("yearsUploaded").asText()).isEqualTo("2027");
    }

    @Test
    void teamMembershipAbsenceAndManualReassignmentEachWriteOneAuditEntryWithoutPersonalData() {
        String tenant = tenant();
        String supervisor = token(tenant, "sup-9", "SUPERVISOR");
        http.put().uri("/api/teams/ward-a").headers(h -> h.setBearerAuth(supervisor))
                .bodyValue(Map.of("name", "Ward A", "agents", List.of(Map.of("id", "a1", "capacityPerWindow", 5))))
                .exchange().expectStatus().isOk();
        http.put().uri("/api/teams/ward-a").headers(h -> h.setBearerAuth(supervisor))
                .bodyValue(Map.of("name", "Ward A", "agents", List.of(Map.of("id", "a1", "capacityPerWindow", 5),
                        Map.of("id", "a2", "capacityPerWindow", 5))))
                .exchange().expectStatus().isOk();
        http.put().uri("/api/teams/ward-a").headers(h -> h.setBearerAuth(supervisor))
                .bodyValue(Map.of("name", "", "agents", List.of())).exchange().expectStatus().isBadRequest();
        http.post().uri("/api/teams/ward-a/agents/a2/absences").headers(h -> h.setBearerAuth(supervisor))
                .bodyValue(Map.of("date", "2026-03-20", "reason", "annual leave")).exchange().expectStatus().isOk();

        // a visit of a customer whose profile carries personal data: its reassignment's entry must not
        CLOCK.set(sh("2026-03-02T14:30"));
        String customer = "c-" + UUID.randomUUID();
        publish(tenant, WorklistsApiTest.profile(customer, 1, "王女士", List.of(), List.of()));
        publish(tenant, serviceEvent(customer, "DISCHARGED", sh("2026-03-02T14:30"), Map.of(), List.of()));
        String visitId = awaitVisits(supervisor, customer, l -> l.size() == 1).get(0).get("id").asText();
        http.post().uri("/api/visits/{id}/assignee", visitId).headers(h -> h.setBearerAuth(token(tenant, "a1", "AGENT")))
                .bodyValue(Map.of("agentId", "a2")).exchange().expectStatus().isForbidden();
        http.post().uri("/api/visits/{id}/assignee", visitId).headers(h -> h.setBearerAuth(supervisor))
                .bodyValue(Map.of("agentId", "a2", "reason", "speaks the customer's dialect")).exchange().expectStatus().isOk();

        List<JsonNode> entries = audit(tenant, 4);
        assertThat(entries).extracting(e -> e.get("action").asText())
                .containsExactlyInAnyOrder("team.created", "team.changed", "agent.absence.recorded", "visit.reassigned");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.get("actor").asText()).isEqualTo("sup-9");
            assertThat(e.get("actorRole").asText()).isEqualTo("SUPERVISOR");
            assertThat(e.toString()).doesNotContain("王").doesNotContain("1234");
        });
        JsonNode changed = byAction(entries, "team.changed");
        assertThat(changed.get("before").get("agents").asText()).isEqualTo("a1(capacity 5)");
        assertThat(changed.get("after").get("agents").asText()).isEqualTo("a1(capacity 5),a2(capacity 5)");
        JsonNode absence = byAction(entries, "agent.absence.recorded");
        assertThat(absence.get("after").get("absences").asText()).isEqualTo("2026-03-20");
        assertThat(absence.get("reason").asText()).isEqualTo("annual leave");
        JsonNode reassigned = byAction(entries, "visit.reassigned");
        assertThat(reassigned.get("targetId").asText()).isEqualTo(visitId);
        assertThat(reassigned.get("before").get("assigneeId").asText()).isEqualTo("a1");
        assertThat(reassigned.get("after").get("assigneeId").asText()).isEqualTo("a2");
    }

    /**
     * The tenant's audit entries once at least {@code expected} distinct ones arrived (and a moment
     * more, to see extras). The relay delivers at least once, so a copy of an entry may arrive
     * twice; the trail's owner keeps one per event id, and so does this count.
     */
    private static List<JsonNode> audit(String tenant, int expected) {
        return distinct(readTopic(Topics.AUDIT, read -> distinct(read, tenant).size() >= expected, Duration.ofSeconds(2)), tenant)
                .stream().map(EventEnvelope::payload).toList();
    }

    private static List<EventEnvelope> distinct(List<EventEnvelope> read, String tenant) {
        Map<UUID, EventEnvelope> byId = new java.util.LinkedHashMap<>();
        read.stream().filter(e -> tenant.equals(e.tenantId())).forEach(e -> byId.putIfAbsent(e.eventId(), e));
        return List.copyOf(byId.values());
    }

    private static JsonNode byAction(List<JsonNode> entries, String action) {
        return entries.stream().filter(e -> e.get("action").asText().equals(action)).findFirst().orElseThrow();
    }
}
