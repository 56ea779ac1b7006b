package com.huifang.schedule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** A sampling plan's monthly draw, and the repeats of a recurring stage, through the API and the topics. */
class SamplingAndRecurrenceApiTest extends ScheduleApiTest {

    @Test
    void theMonthlyDrawSamplesThirtyPercentAlwaysIncludesNewContractsAsHomeVisitsAndIsRepeatable() {
        String tenant = tenant();
        String supervisor = token(tenant, "sup-1", "SUPERVISOR");
        http.post().uri("/api/plans/packs/property-household-sampling").headers(h -> h.setBearerAuth(supervisor))
                .exchange().expectStatus().isCreated();
        CLOCK.set(sh("2025-09-10T16:20"));
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String customer = "h-" + i + "-" + UUID.randomUUID();
            customers.add(customer);
            publish(tenant, serviceEvent(customer, "HOUSEHOLD_SERVICE_DONE", sh("2025-09-0" + (i + 2) + "T10:00"),
                    i == 3 ? Map.of("newContract", "true") : Map.of(), List.of()));
        }
        // nothing is planned before the draw; the population fills up
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> draw(supervisor, "2025-09").get("population").asInt() == 5);
        JsonNode sample = draw(supervisor, "2025-09");
        assertThat(sample.get("tierPercent").asInt()).isEqualTo(30);
        assertThat(sample.get("required").asInt()).isEqualTo(2); // ceil(5 × 30 %)
        JsonNode mandatory = PlanPackPlanningApiTest.stream(sample.get("selected"))
                .filter(s -> s.get("householdId").asText().equals(customers.get(3))).findFirst().orElseThrow();
        assertThat(mandatory.get("mandatory").get(0).asText()).isEqualTo("NEW_CONTRACT");
        assertThat(mandatory.get("forcedChannel").asText()).isEqualTo("HOME_VISIT");
        assertThat(visitsOf(supervisor, customers.get(3)).get(0).get("channel").asText()).isEqualTo("HOME_VISIT");

        JsonNode again = draw(supervisor, "2025-09");
        assertThat(again.get("visitIds")).isEqualTo(sample.get("visitIds"));
        long planned = customers.stream().mapToLong(c -> visitsOf(supervisor, c).size()).sum();
        assertThat(planned).isEqualTo(sample.get("selected").size());

        http.post().uri("/api/plans/property-household-sampling/samples/2025-13x").headers(h -> h.setBearerAuth(supervisor))
                .exchange().expectStatus().isBadRequest();
        http.post().uri("/api/plans/property-household-sampling/samples/2025-09")
                .headers(h -> h.setBearerAuth(token(tenant(), "sup-1", "SUPERVISOR"))).exchange().expectStatus().isNotFound();
        http.post().uri("/api/plans/property-household-sampling/samples/2025-09")
                .headers(h -> h.setBearerAuth(token(tenant, "agent-1", "AGENT"))).exchange().expectStatus().isForbidden();
    }

    @Test
    void aCompletedRepeatOfARecurringStagePlansTheNextOneWithTheSameAgent() {
        String tenant = tenant();
        String supervisor = token(tenant, "sup-1", "SUPERVISOR");
        String agent = token(tenant, "agent-wu", "AGENT");
        http.post().uri("/api/plans/packs/education-members").headers(h -> h.setBearerAuth(supervisor))
                .exchange().expectStatus().isCreated();
        Instant dormant = sh("2026-03-02T09:00");
        CLOCK.set(dormant);
        String customer = "m-" + UUID.randomUUID();
        publish(tenant, serviceEvent(customer, "MEMBER_DORMANT", dormant, Map.of(), List.of()));
        // the pack plans a first call and the first repeat of "every 4 weeks until active"
        JsonNode planned = awaitVisits(agent, customer, l -> l.size() == 2);
        JsonNode first = PlanPackPlanningApiTest.stream(planned).filter(v -> v.get("stage").asText().equals("dormant-repeat"))
                .findFirst().orElseThrow();
        assertThat(first.get("occurrence").asInt()).isEqualTo(1);

        CLOCK.set(Instant.parse(first.get("dueAt").asText()).plusSeconds(60));
        String id = first.get("id").asText();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> visit(agent, id).get("state").asText().equals("DUE"));
        http.post().uri("/api/visits/{id}/attempts", id).headers(h -> h.setBearerAuth(agent))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("outcome", "REACHED", "durationSeconds", 120))
                .exchange().expectStatus().isCreated();

        JsonNode all = awaitVisits(agent, customer, l -> l.size() == 3);
        JsonNode next = PlanPackPlanningApiTest.stream(all).filter(v -> v.get("occurrence").asInt() == 2).findFirst().orElseThrow();
        assertThat(next.get("stage").asText()).isEqualTo("dormant-repeat");
        assertThat(next.get("assigneeId").asText()).isEqualTo("agent-wu");
        assertThat(Duration.between(Instant.parse(first.get("dueAt").asText()), Instant.parse(next.get("dueAt").asText())))
                .isGreaterThanOrEqualTo(Duration.ofDays(27));
    }

    private JsonNode draw(String token, String period) {
        return http.post().uri("/api/plans/property-household-sampling/samples/{p}", period)
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
