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

/** Teams, the plan's assignment policy, conflict of interest and an absent agent's hand-over, through the API. */
class TeamsAssignmentApiTest extends ScheduleApiTest {

    @Test
    void visitsGoRoundRobinNeverToTheStaffCheckedAndPassOnWhenTheAgentIsAbsent() {
        String tenant = tenant();
        String supervisor = token(tenant, "sup-1", "SUPERVISOR");
        http.put().uri("/api/teams/ward-a").headers(h -> h.setBearerAuth(supervisor))
                .bodyValue(Map.of("name", "Ward A callers", "agents", List.of(
                        Map.of("id", "a1", "capacityPerWindow", 10),
                        Map.of("id", "a2", "capacityPerWindow", 10),
                        Map.of("id", "a3", "capacityPerWindow", 10))))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.agents.length()").isEqualTo(3);
        http.put().uri("/api/teams/ward-b").headers(h -> h.setBearerAuth(supervisor))
                .bodyValue(Map.of("name", "", "agents", List.of())).exchange().expectStatus().isBadRequest();
        String plan = new PlanJson().write(PlanPacks.load("hospital-inpatient"))
                .replace("\"teamId\" : null", "\"teamId\" : \"ward-a\"");
        http.post().uri("/api/plans").headers(h -> h.setBearerAuth(supervisor)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(plan).exchange().expectStatus().isCreated();

        Instant discharge = sh("2026-03-02T14:30");
        CLOCK.set(discharge);
        String c1 = "c-" + UUID.randomUUID();
        String c2 = "c-" + UUID.randomUUID();
        // a1 nursed the first patient: never assigned to check their own work
        publish(tenant, serviceEvent(c1, "DISCHARGED", discharge, Map.of(), List.of("a1")));
        JsonNode v1 = awaitVisits(supervisor, c1, l -> l.size() == 1).get(0);
        assertThat(v1.get("assigneeId").asText()).isEqualTo("a2");
        assertThat(v1.get("teamId").asText()).isEqualTo("ward-a");
        publish(tenant, serviceEvent(c2, "DISCHARGED", discharge, Map.of(), List.of()));
        JsonNode v2 = awaitVisits(supervisor, c2, l -> l.size() == 1).get(0);
        assertThat(v2.get("assigneeId").asText()).isEqualTo("a3"); // round robin after a2

        // a2 is away on the due day: their visit passes to a colleague, not to a1
        JsonNode handOver = http.post().uri("/api/teams/ward-a/agents/a2/absences").headers(h -> h.setBearerAuth(supervisor))
                .bodyValue(Map.of("date", "2026-03-09")).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(handOver.get("decisions").get(0).get("agentId").asText()).isEqualTo("a3");
        assertThat(visit(supervisor, v1.get("id").asText()).get("assigneeId").asText()).isEqualTo("a3");
        // reassigning to the staff checked is refused
        http.post().uri("/api/visits/{id}/assignee", v1.get("id").asText()).headers(h -> h.setBearerAuth(supervisor))
                .bodyValue(Map.of("agentId", "a1")).exchange().expectStatus().isEqualTo(409);

        // another tenant sees no team
        String other = token(tenant(), "sup-1", "SUPERVISOR");
        http.get().uri("/api/teams/ward-a").headers(h -> h.setBearerAuth(other)).exchange().expectStatus().isNotFound();
        http.get().uri("/api/teams").headers(h -> h.setBearerAuth(other)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
        http.post().uri("/api/teams/ward-a/agents/a2/absences").headers(h -> h.setBearerAuth(other))
                .bodyValue(Map.of("date", "2026-03-09")).exchange().expectStatus().isNotFound();
    }
}
