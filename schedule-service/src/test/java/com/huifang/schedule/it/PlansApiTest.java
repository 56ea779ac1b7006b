package com.huifang.schedule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.schedule.plan.pack.PlanJson;
import com.huifang.schedule.plan.pack.PlanPacks;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Plans through the API: validation with paths, versions, packs, preview, roles and tenant isolation. */
class PlansApiTest extends ScheduleApiTest {

    static final String INPATIENT = new PlanJson().write(PlanPacks.load("hospital-inpatient"));

    @Test
    void invalidPlanIsRejectedWithThePathOfEachErrorAndNothingIsStored() {
        String tenant = tenant();
        String supervisor = token(tenant, "sup-1", "SUPERVISOR");
        create(supervisor, INPATIENT.replace("\"CALENDAR_DAYS\"", "\"FORTNIGHTS\"")).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("/stages/0/timing/due/unit");
        create(supervisor, "{not json").expectStatus().isBadRequest();
        http.get().uri("/api/plans").headers(h -> h.setBearerAuth(supervisor)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void aDeadlineBeforeTheDueTimeIsImpossibleTiming() {
        String supervisor = token(tenant(), "sup-1", "SUPERVISOR");
        // due 7 days after discharge, deadline 2 days after it
        String impossible = INPATIENT.replaceFirst("\"amount\" : 10", "\"amount\" : 2");
        assertThat(impossible).isNotEqualTo(INPATIENT);
        create(supervisor, impossible).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("/stages/0/deadline/offset/amount");
    }

    @Test
    void anUpdateIsANewVersionAndVisitsKeepTheVersionTheyWerePlannedWith() {
        String tenant = tenant();
        String supervisor = token(tenant, "sup-1", "SUPERVISOR");
        create(supervisor, INPATIENT).expectStatus().isCreated().expectBody().jsonPath("$.version").isEqualTo(1);
        create(supervisor, INPATIENT).expectStatus().isEqualTo(409);
        Instant discharge = sh("2026-03-02T14:30");
        CLOCK.set(discharge);
        String customer = "c-" + UUID.randomUUID();
        publish(tenant, serviceEvent(customer, "DISCHARGED", discharge, Map.of(), List.of()));
        awaitVisits(supervisor, customer, l -> l.size() == 1);

        http.put().uri("/api/plans/hospital-inpatient").headers(h -> h.setBearerAuth(supervisor))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(INPATIENT.replace("\"amount\" : 7", "\"amount\" : 5"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);
        http.get().uri("/api/plans/hospital-inpatient/versions").headers(h -> h.setBearerAuth(supervisor)).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(2);
        publish(tenant, serviceEvent(customer, "DISCHARGED", discharge.plusSeconds(3600), Map.of(), List.of()));
        JsonNode visits = awaitVisits(supervisor, customer, l -> l.size() == 2);
        assertThat(visits).extracting(v -> v.get("planVersion").asInt()).containsExactly(2, 1); // v2 falls due 2 days earlier
        // v2: +5 days = Saturday 03-07 → Monday 03-09 10:00; v1 stays +7 days → 03-09 15:00
        assertThat(local(visits.get(0).get("dueAt").asText())).isEqualTo("2026-03-09T10:00");
        assertThat(local(visits.get(1).get("dueAt").asText())).isEqualTo("2026-03-09T15:00");
    }

    @Test
    void packsAreListedAndPreviewExplainsEveryStepWithoutStoring() {
        String tenant = tenant();
        String supervisor = token(tenant, "sup-1", "SUPERVISOR");
        http.get().uri("/api/plans/packs").headers(h -> h.setBearerAuth(supervisor)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(PlanPacks.NAMES.size());
        http.post().uri("/api/plans/packs/no-such-pack").headers(h -> h.setBearerAuth(supervisor)).exchange()
                .expectStatus().isNotFound();
        http.post().uri("/api/plans/packs/hospital-inpatient").headers(h -> h.setBearerAuth(supervisor)).exchange()
                .expectStatus().isCreated();
        CLOCK.set(sh("2025-09-25T14:00"));
        JsonNode preview = http.post().uri("/api/plans/hospital-inpatient/preview").headers(h -> h.setBearerAuth(supervisor))
                .bodyValue(Map.of("eventType", "DISCHARGED", "occurredAt", sh("2025-09-25T14:00").toString()))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(preview.get("outcome").asText()).isEqualTo("PLANNED");
        JsonNode v = preview.get("visits").get(0);
        assertThat(local(v.get("dueAt").asText())).isEqualTo("2025-10-09T10:00"); // National Day holiday skipped
        assertThat(v.get("deadlineAtRisk").asBoolean()).isTrue();
        assertThat(v.get("explanation").toString()).contains("2025-10-02");
        http.post().uri("/api/plans/explain").headers(h -> h.setBearerAuth(supervisor))
                .bodyValue(Map.of("plan", fromJson(INPATIENT), "event",
                        Map.of("eventType", "DISCHARGED", "occurredAt", sh("2026-03-02T14:30").toString())))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.visits.length()").isEqualTo(1);
        // a preview reaching an unknown year is a 422 naming it
        http.post().uri("/api/plans/hospital-inpatient/preview").headers(h -> h.setBearerAuth(supervisor))
                .bodyValue(Map.of("eventType", "DISCHARGED", "occurredAt", sh("2026-12-28T14:30").toString()))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.year").isEqualTo(2027);
    }

    @Test
    void onlySupervisorsChangePlansAndAnotherTenantSeesNone() {
        String tenant = tenant();
        String supervisor = token(tenant, "sup-1", "SUPERVISOR");
        create(token(tenant, "agent-1", "AGENT"), INPATIENT).expectStatus().isForbidden();
        create(supervisor, INPATIENT).expectStatus().isCreated();
        String other = token(tenant(), "sup-1", "SUPERVISOR");
        http.get().uri("/api/plans").headers(h -> h.setBearerAuth(other)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
        http.get().uri("/api/plans/hospital-inpatient").headers(h -> h.setBearerAuth(other)).exchange()
                .expectStatus().isNotFound();
        http.put().uri("/api/plans/hospital-inpatient").headers(h -> h.setBearerAuth(other))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(INPATIENT).exchange().expectStatus().isNotFound();
        http.post().uri("/api/plans/hospital-inpatient/preview").headers(h -> h.setBearerAuth(other))
                .bodyValue(Map.of("eventType", "DISCHARGED", "occurredAt", sh("2026-03-02T14:30").toString()))
                .exchange().expectStatus().isNotFound();
        http.delete().uri("/api/plans/hospital-inpatient").headers(h -> h.setBearerAuth(other)).exchange()
                .expectStatus().isNotFound();
        http.delete().uri("/api/plans/hospital-inpatient").headers(h -> h.setBearerAuth(supervisor)).exchange()
                .expectStatus().isNoContent();
        http.get().uri("/api/plans").headers(h -> h.setBearerAuth(supervisor)).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec create(String token, String json) {
        return http.post().uri("/api/plans").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json).exchange();
    }

    private static JsonNode fromJson(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
