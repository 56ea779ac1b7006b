package com.huifang.schedule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.Topics;
import com.huifang.schedule.plan.pack.PlanJson;
import com.huifang.schedule.plan.pack.PlanPacks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * An absent agent's hand-over by calling window, and removing an absence (cancelled before its day,
 * ended now on the day, refused once over) with the same-agent visits given back, through the API.
 */
class AbsencesApiTest extends ScheduleApiTest {

    static final String INPATIENT = new PlanJson().write(PlanPacks.load("hospital-inpatient"));

    @Test
    void aColleagueFullInTheVisitsWindowTakesItInTheNextWindowsBeforeTheDeadline() {
        String tenant = tenant();
        String supervisor = token(tenant, "sup-1", "SUPERVISOR");
        team(supervisor, "ward-h", Map.of("a1", 5, "a2", 1));
        installPlan(supervisor, INPATIENT.replace("\"teamId\" : null", "\"teamId\" : \"ward-h\""));

        Instant discharge = sh("2026-03-02T10:30");
        CLOCK.set(discharge);
        // round robin: a1, a2 (its one place in Monday's morning window), a1 again (a2 is full)
        List<JsonNode> visits = new ArrayList<>();
        for (String expected : List.of("a1", "a2", "a1")) {
            String customer = "c-" + UUID.randomUUID();
            publish(tenant, serviceEvent(customer, "DISCHARGED", discharge, Map.of(), List.of()));
            JsonNode v = awaitVisits(supervisor, customer, l -> l.size() == 1).get(0);
            assertThat(v.get("assigneeId").asText()).isEqualTo(expected);
            assertThat(Instant.parse(v.get("dueAt").asText())).isEqualTo(sh("2026-03-09T10:30"));
            visits.add(v);
        }

        JsonNode handOver = http.post().uri("/api/teams/ward-h/agents/a1/absences").headers(h -> h.setBearerAuth(supervisor))
                .bodyValue(Map.of("date", "2026-03-09", "reason", "training")).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        // a2 has no room in the morning window: the first visit in the afternoon window, the second (that
        // window now full too) on Tuesday morning — before the 10-day deadline
        assertThat(handOver.get("decisions")).hasSize(2).allSatisfy(d -> assertThat(d.get("agentId").asText()).isEqualTo("a2"));
        List<Instant> tryFrom = new ArrayList<>();
        handOver.get("decisions").forEach(d -> tryFrom.add(Instant.parse(d.get("tryFrom").asText())));
        assertThat(tryFrom).containsExactly(sh("2026-03-09T15:00"), sh("2026-03-10T10:00"));
        List<Instant> nextTries = new ArrayList<>();
        for (JsonNode v : List.of(visits.get(0), visits.get(2))) {
            JsonNode now = visit(supervisor, v.get("id").asText());
            assertThat(now.get("assigneeId").asText()).isEqualTo("a2");
            nextTries.add(Instant.parse(now.get("nextAttemptAt").asText()));
        }
        assertThat(nextTries).containsExactlyInAnyOrder(sh("2026-03-09T15:00"), sh("2026-03-10T10:00"));
        // a2's own visit keeps its time
        assertThat(Instant.parse(visit(supervisor, visits.get(1).get("id").asText()).get("nextAttemptAt").asText()))
                .isEqualTo(sh("2026-03-09T10:30"));
    }

    @Test
    void removingAnAbsenceGivesBackTheUntouchedVisitsOfSameAgentPlansOnlyAndIsAudited() {
        String tenant = tenant();
        String supervisor = token(tenant, "sup-2", "SUPERVISOR");
        team(supervisor, "ward-s", Map.of("a1", 5, "a2", 5));
        String sameAgent = INPATIENT.replace("\"teamId\" : null", "\"teamId\" : \"ward-s\"")
                .replace("\"ROUND_ROBIN\"", "\"SAME_AGENT\"");
        assertThat(sameAgent).contains("SAME_AGENT");
        installPlan(supervisor, sameAgent);
        Instant discharge = sh("2026-03-02T10:30");
        CLOCK.set(discharge);
        String c1 = "c-" + UUID.randomUUID();
        publish(tenant, serviceEvent(c1, "DISCHARGED", discharge, Map.of(), List.of()));
        JsonNode v1 = awaitVisits(supervisor, c1, l -> l.size() == 1).get(0);
        // version 2 of the plan goes round robin: the visits planned with it are nobody's own
        http.put().uri("/api/plans/hospital-inpatient").headers(h -> h.setBearerAuth(supervisor))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(sameAgent.replace("\"SAME_AGENT\"", "\"ROUND_ROBIN\""))
                .exchange().expectStatus().isOk();
        String c2 = "c-" + UUID.randomUUID();
        publish(tenant, serviceEvent(c2, "DISCHARGED", discharge, Map.of(), List.of()));
        JsonNode v2 = awaitVisits(supervisor, c2, l -> l.size() == 1).get(0);
        assertThat(List.of(v1, v2)).allSatisfy(v -> assertThat(v.get("assigneeId").asText()).isEqualTo("a1"));
        assertThat(v2.get("planVersion").asInt()).isEqualTo(2);

        http.post().uri("/api/teams/ward-s/agents/a1/absences").headers(h -> h.setBearerAuth(supervisor))
                .bodyValue(Map.of("date", "2026-03-09")).exchange().expectStatus().isOk();
        assertThat(visit(supervisor, v1.get("id").asText()).get("assigneeId").asText()).isEqualTo("a2");
        assertThat(visit(supervisor, v2.get("id").asText()).get("assigneeId").asText()).isEqualTo("a2");

        // refused: an agent, another tenant, a date that is not one, an absence never recorded — nothing changes
        String path = "/api/teams/ward-s/agents/a1/absences/2026-03-09";
        http.delete().uri(path).headers(h -> h.setBearerAuth(token(tenant, "a1", "AGENT"))).exchange().expectStatus().isForbidden();
        http.delete().uri(path).headers(h -> h.setBearerAuth(token(tenant(), "sup-2", "SUPERVISOR")))
                .exchange().expectStatus().isNotFound();
        http.delete().uri("/api/teams/ward-s/agents/a1/absences/next-monday").headers(h -> h.setBearerAuth(supervisor))
                .exchange().expectStatus().isBadRequest();
        http.delete().uri("/api/teams/ward-s/agents/a1/absences/2026-03-10").headers(h -> h.setBearerAuth(supervisor))
                .exchange().expectStatus().isNotFound();
        http.delete().uri("/api/teams/ward-s/agents/nobody/absences/2026-03-09").headers(h -> h.setBearerAuth(supervisor))
                .exchange().expectStatus().isNotFound();
        assertThat(absencesOf(supervisor, "ward-s", "a1")).containsExactly("2026-03-09");

        // before the day: cancelled; the same-agent visit goes back, the round-robin one stays with a2
        JsonNode removed = http.delete().uri(path + "?reason=training moved").headers(h -> h.setBearerAuth(supervisor))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(removed.get("outcome").asText()).isEqualTo("CANCELLED");
        assertThat(removed.path("endedAt").isMissingNode() || removed.path("endedAt").isNull()).isTrue();
        assertThat(removed.get("returnedToAgent")).extracting(JsonNode::asText).containsExactly(v1.get("id").asText());
        assertThat(removed.get("keptByColleague")).extracting(JsonNode::asText).containsExactly(v2.get("id").asText());
        assertThat(visit(supervisor, v1.get("id").asText()).get("assigneeId").asText()).isEqualTo("a1");
        assertThat(visit(supervisor, v2.get("id").asText()).get("assigneeId").asText()).isEqualTo("a2");
        assertThat(absencesOf(supervisor, "ward-s", "a1")).isEmpty();
        http.delete().uri(path).headers(h -> h.setBearerAuth(supervisor)).exchange().expectStatus().isNotFound();

        // on the day itself: it ends now; a day already over stays (409)
        http.post().uri("/api/teams/ward-s/agents/a2/absences").headers(h -> h.setBearerAuth(supervisor))
                .bodyValue(Map.of("date", "2026-03-02")).exchange().expectStatus().isOk();
        http.post().uri("/api/teams/ward-s/agents/a2/absences").headers(h -> h.setBearerAuth(supervisor))
                .bodyValue(Map.of("date", "2026-02-27")).exchange().expectStatus().isOk();
        JsonNode ended = http.delete().uri("/api/teams/ward-s/agents/a2/absences/2026-03-02").headers(h -> h.setBearerAuth(supervisor))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(ended.get("outcome").asText()).isEqualTo("ENDED_EARLY");
        assertThat(Instant.parse(ended.get("endedAt").asText())).isEqualTo(CLOCK.instant());
        http.delete().uri("/api/teams/ward-s/agents/a2/absences/2026-02-27").headers(h -> h.setBearerAuth(supervisor))
                .exchange().expectStatus().isEqualTo(409);
        assertThat(absencesOf(supervisor, "ward-s", "a2")).containsExactly("2026-02-27");

        List<JsonNode> removals = audit(tenant, "agent.absence.removed", 2);
        assertThat(removals).hasSize(2).allSatisfy(e -> {
            assertThat(e.get("actor").asText()).isEqualTo("sup-2");
            assertThat(e.get("targetType").asText()).isEqualTo("agent");
        });
        JsonNode cancelled = removals.stream().filter(e -> e.get("targetId").asText().equals("ward-s/a1")).findFirst().orElseThrow();
        assertThat(cancelled.get("before").get("absences").asText()).isEqualTo("2026-03-09");
        assertThat(cancelled.get("after").get("absences").asText()).isEmpty();
        assertThat(cancelled.get("after").get("outcome").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("reason").asText()).isEqualTo("training moved");
        JsonNode endedEntry = removals.stream().filter(e -> e.get("targetId").asText().equals("ward-s/a2")).findFirst().orElseThrow();
        assertThat(endedEntry.get("before").get("absences").asText()).isEqualTo("2026-02-27,2026-03-02");
        assertThat(endedEntry.get("after").get("absences").asText()).isEqualTo("2026-02-27");
        assertThat(endedEntry.get("after").get("endedAt").asText()).isEqualTo(CLOCK.instant().toString());
    }

    private void team(String token, String id, Map<String, Integer> capacities) {
        http.put().uri("/api/teams/{id}", id).headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("name", id, "agents", capacities.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> Map.of("id", e.getKey(), "capacityPerWindow", e.getValue())).toList()))
                .exchange().expectStatus().isOk();
    }

    private void installPlan(String token, String plan) {
        http.post().uri("/api/plans").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(plan).exchange().expectStatus().isCreated();
    }

    private List<String> absencesOf(String token, String teamId, String agentId) {
        JsonNode team = http.get().uri("/api/teams/{id}", teamId).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        List<String> out = new ArrayList<>();
        team.get("agents").forEach(a -> {
            if (a.get("id").asText().equals(agentId)) {
                a.get("absences").forEach(d -> out.add(d.asText()));
            }
        });
        return out;
    }

    /** The tenant's audit entries of one action, once {@code expected} distinct ones arrived (and a moment more). */
    private static List<JsonNode> audit(String tenant, String action, int expected) {
        return distinct(readTopic(Topics.AUDIT, read -> distinct(read, tenant, action).size() >= expected,
                Duration.ofSeconds(2)), tenant, action);
    }

    private static List<JsonNode> distinct(List<EventEnvelope> read, String tenant, String action) {
        Map<UUID, JsonNode> byId = new LinkedHashMap<>();
        read.stream().filter(e -> tenant.equals(e.tenantId()) && action.equals(e.payload().path("action").asText()))
                .forEach(e -> byId.putIfAbsent(e.eventId(), e.payload()));
        return List.copyOf(byId.values());
    }
}
