package com.huifang.schedule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each shipped pack through the API: installed for a fresh tenant, a ServiceEventRecorded pushed on
 * the customers topic, the planned visit's due time and deadline read back (Asia/Shanghai local
 * times, as in the domain's pack test; "-" = no deadline). The sampling pack plans nothing until
 * its household is drawn: its timing is checked through the preview of a sampled event.
 */
class PlanPackPlanningApiTest extends ScheduleApiTest {

    static final Map<String, String> ATTRIBUTES = Map.of("policyReceiptDate", "2025-09-29", "startDate", "2025-09-01",
            "plannedEndDate", "2025-11-30");

    @ParameterizedTest(name = "{0}/{3}")
    @CsvSource(delimiter = '|', value = {
            "hospital-inpatient          | DISCHARGED             | 2025-09-25T14:00 | main         | 2025-10-09T10:00 | 2025-10-05T23:59:59",
            "hospital-outpatient         | FIRST_OUTPATIENT_VISIT | 2025-09-01T09:30 | main         | 2025-09-11T10:00 | 2025-09-15T23:59:59",
            "insurance-new-policy        | POLICY_ISSUED          | 2025-09-20T09:00 | main         | 2025-09-30T10:00 | 2025-10-14T23:59:59",
            "renovation-stages           | PROJECT_STARTED        | 2025-09-01T09:00 | completion   | 2025-12-01T10:00 | 2025-12-03T23:59:59",
            "furniture-installation      | INSTALLED              | 2025-09-22T11:00 | installation | 2025-09-22T11:00 | 2025-09-24T23:59:59",
            "clinic-no-show              | APPOINTMENT_MISSED     | 2025-11-08T21:00 | no-show      | 2025-11-09T09:00 | 2025-11-09T21:00",
            "education-members           | MEMBER_DORMANT         | 2025-09-01T09:00 | dormant      | 2025-09-02T10:00 | 2025-09-08T23:59:59",
            "wealth-new-contract         | CONTRACT_SIGNED        | 2025-09-26T10:30 | new-contract | 2025-09-28T10:30 | 2025-10-10T23:59:59",
    })
    void installedPackPlansTheVisitOfItsEvent(String pack, String type, String at, String stage, String due, String deadline) {
        String tenant = tenant();
        String supervisor = token(tenant, "sup-1", "SUPERVISOR");
        http.post().uri("/api/plans/packs/{name}", pack).headers(h -> h.setBearerAuth(supervisor)).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.id").isEqualTo(pack).jsonPath("$.version").isEqualTo(1);
        CLOCK.set(sh(at));
        String customer = "c-" + UUID.randomUUID();
        publish(tenant, serviceEvent(customer, type, sh(at), ATTRIBUTES, List.of()));

        JsonNode visits = awaitVisits(supervisor, customer, list -> stream(list).anyMatch(v -> stage.equals(v.get("stage").asText())));
        JsonNode v = stream(visits).filter(x -> stage.equals(x.get("stage").asText())).findFirst().orElseThrow();
        assertThat(v.get("planId").asText()).isEqualTo(pack);
        assertThat(v.get("planVersion").asInt()).isEqualTo(1);
        assertThat(local(v.get("dueAt").asText())).isEqualTo(java.time.LocalDateTime.parse(due).toString());
        if (deadline.equals("-")) {
            assertThat(v.get("deadlineAt").isNull()).isTrue();
        } else {
            assertThat(local(v.get("deadlineAt").asText())).isEqualTo(java.time.LocalDateTime.parse(deadline).toString());
        }
        assertThat(v.get("explanation")).isNotEmpty();
        // another tenant sees none of it
        assertThat(visitsOf(token(tenant(), "sup-1", "SUPERVISOR"), customer)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void samplingPackWaitsForTheDrawAndPreviewsTheSampledVisit() {
        String tenant = tenant();
        String supervisor = token(tenant, "sup-1", "SUPERVISOR");
        http.post().uri("/api/plans/packs/{name}", "property-household-sampling").headers(h -> h.setBearerAuth(supervisor))
                .exchange().expectStatus().isCreated();
        CLOCK.set(sh("2025-09-10T16:20"));
        http.post().uri("/api/plans/{id}/preview", "property-household-sampling").headers(h -> h.setBearerAuth(supervisor))
                .bodyValue(Map.of("eventType", "HOUSEHOLD_SERVICE_DONE", "occurredAt", sh("2025-09-10T16:20").toString()))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.outcome").isEqualTo("AWAITING_SAMPLING").jsonPath("$.visits.length()").isEqualTo(0);
        JsonNode preview = http.post().uri("/api/plans/{id}/preview", "property-household-sampling")
                .headers(h -> h.setBearerAuth(supervisor))
                .bodyValue(Map.of("eventType", "HOUSEHOLD_SERVICE_DONE", "occurredAt", sh("2025-09-10T16:20").toString(),
                        "sampled", true))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(preview.get("outcome").asText()).isEqualTo("PLANNED");
        assertThat(local(preview.get("visits").get(0).get("dueAt").asText())).isEqualTo("2025-09-11T16:20");
        assertThat(preview.get("visits").get(0).get("explanation")).isNotEmpty();
    }

    static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
