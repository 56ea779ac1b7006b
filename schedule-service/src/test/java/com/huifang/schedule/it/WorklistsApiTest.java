package com.huifang.schedule.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.contracts.events.CustomerErased;
import com.huifang.contracts.events.CustomerProfileChanged;
import com.huifang.schedule.plan.pack.PlanJson;
import com.huifang.schedule.plan.pack.PlanPacks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Worklists through the API: the customer copy (salutation, masked contact, preferred hours,
 * staff), team scoping, the supervisor's team view and capacity per calling window.
 */
class WorklistsApiTest extends ScheduleApiTest {

    static final Instant DISCHARGE = sh("2026-03-02T14:30"); // Monday; +7 days = 03-09 14:30

    @Test
    void theCustomerCopyGivesTheWorklistItsSalutationAndMaskedPhoneAndItsHoursAndStaffFeedPlanning() {
        String tenant = tenant();
        String supervisor = token(tenant, "sup-1", "SUPERVISOR");
        team(supervisor, "ward-a", List.of("a1", "a2"), 10);
        installPlanFor(supervisor, "ward-a");
        CLOCK.set(DISCHARGE);
        String customer = "c-" + UUID.randomUUID();
        // a1 nursed the patient (known from the customer record, not the event); the customer asks for 16:00-17:00
        publish(tenant, profile(customer, 2, "张先生", List.of("16:00-17:00"), List.of("a1")));
        publish(tenant, profile(customer, 1, "张三", List.of(), List.of())); // an older profile replayed: ignored
        awaitCopy(tenant, customer);
        publish(tenant, serviceEvent(customer, "DISCHARGED", DISCHARGE, Map.of(), List.of()));

        JsonNode v = awaitVisits(supervisor, customer, l -> l.size() == 1).get(0);
        assertThat(local(v.get("dueAt").asText())).isEqualTo("2026-03-09T16:00");
        assertThat(v.get("assigneeId").asText()).isEqualTo("a2");
        assertThat(v.get("explanation").toString()).contains("preferred hours");

        CLOCK.set(sh("2026-03-09T16:01"));
        awaitState(supervisor, v.get("id").asText(), "DUE");
        JsonNode item = worklist(token(tenant, "a2", "AGENT")).get(0);
        assertThat(item.get("salutation").asText()).isEqualTo("张先生");
        assertThat(item.get("maskedPhone").asText()).isEqualTo("138****1234");
        assertThat(item.get("scriptLink").asText()).isEqualTo("/api/surveys/templates/hospital-inpatient");

        // erased: the copy is blanked, and a profile replayed after the erasure does not bring it back
        publish(tenant, new CustomerErased(customer, "req-1", CLOCK.instant()));
        publish(tenant, profile(customer, 3, "张先生", List.of(), List.of()));
        // a later event of the same customer (same partition) tells that both were handled
        publish(tenant, serviceEvent(customer, "DISCHARGED", CLOCK.instant(), Map.of(), List.of()));
        awaitVisits(supervisor, customer, l -> l.size() == 2);
        JsonNode copy = awaitCopy(tenant, customer);
        assertThat(copy.path("erased").asBoolean()).isTrue();
        assertThat(copy.toString()).doesNotContain("张").doesNotContain("1234");
    }

    @Test
    void anAgentSeesOwnAndTeamQueueItemsOnlyAndAFullWindowOverflowsToTheNextOne() {
        String tenant = tenant();
        String supervisor = token(tenant, "sup-1", "SUPERVISOR");
        team(supervisor, "ward-a", List.of("a1", "a2"), 1);
        team(supervisor, "ward-b", List.of("b1"), 10);
        installPlanFor(supervisor, "ward-a");
        CLOCK.set(DISCHARGE);

        List<JsonNode> visits = new ArrayList<>();
        for (List<String> staff : List.of(List.<String>of(), List.<String>of(), List.<String>of(), List.of("a1", "a2"))) {
            String customer = "c-" + UUID.randomUUID();
            publish(tenant, serviceEvent(customer, "DISCHARGED", DISCHARGE, Map.of(), staff));
            visits.add(awaitVisits(supervisor, customer, l -> l.size() == 1).get(0)); // one at a time: loads are counted in order
        }
        // one visit per agent per window: the third overflows to the next window, the fourth has nobody (conflicts)
        assertThat(visits.get(0).get("assigneeId").asText()).isEqualTo("a1");
        assertThat(visits.get(1).get("assigneeId").asText()).isEqualTo("a2");
        assertThat(visits.get(2).get("assigneeId").asText()).isEqualTo("a1");
        assertThat(local(visits.get(2).get("dueAt").asText())).isEqualTo("2026-03-10T10:00");
        assertThat(visits.get(2).get("explanation").toString()).contains("window full");
        assertThat(local(visits.get(0).get("dueAt").asText())).isEqualTo("2026-03-09T15:00");
        assertThat(visits.get(3).get("assigneeId").isNull()).isTrue();
        assertThat(visits.get(3).get("teamId").asText()).isEqualTo("ward-a");

        CLOCK.set(sh("2026-03-10T10:01"));
        visits.forEach(v -> awaitState(supervisor, v.get("id").asText(), "DUE"));
        assertThat(ids(worklist(token(tenant, "a1", "AGENT"))))
                .containsExactlyInAnyOrder(id(visits.get(0)), id(visits.get(2)), id(visits.get(3)));
        assertThat(ids(worklist(token(tenant, "a2", "AGENT")))).containsExactlyInAnyOrder(id(visits.get(1)), id(visits.get(3)));
        // another team's agent and an agent in no team see none of ward-a's items
        assertThat(worklist(token(tenant, "b1", "AGENT"))).isEmpty();
        assertThat(worklist(token(tenant, "z9", "AGENT"))).isEmpty();

        // the supervisor sees the whole team, priority then due order
        JsonNode team = http.get().uri("/api/worklist/teams/ward-a").headers(h -> h.setBearerAuth(supervisor)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(team).hasSize(4);
        assertThat(team.get(3).get("id").asText()).isEqualTo(id(visits.get(2)));
        http.get().uri("/api/worklist/teams/ward-b").headers(h -> h.setBearerAuth(supervisor)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        http.get().uri("/api/worklist/teams/ward-a").headers(h -> h.setBearerAuth(token(tenant, "a1", "AGENT"))).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/worklist/teams/ward-a").headers(h -> h.setBearerAuth(token(tenant(), "sup-1", "SUPERVISOR")))
                .exchange().expectStatus().isNotFound();

        // a2 is away today: their overdue item passes to a1, whose window open now is full (capacity 1, the
        // third visit), so a1 works it from the afternoon window
        JsonNode handOver = http.post().uri("/api/teams/ward-a/agents/a2/absences").headers(h -> h.setBearerAuth(supervisor))
                .bodyValue(Map.of("date", "2026-03-10")).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(handOver.get("decisions").get(0).get("agentId").asText()).isEqualTo("a1");
        assertThat(local(handOver.get("decisions").get(0).get("tryFrom").asText())).isEqualTo("2026-03-10T15:00");
        assertThat(ids(worklist(token(tenant, "a1", "AGENT")))).doesNotContain(id(visits.get(1)));
        CLOCK.set(sh("2026-03-10T15:00"));
        assertThat(ids(worklist(token(tenant, "a1", "AGENT")))).contains(id(visits.get(1)));
        assertThat(ids(worklist(token(tenant, "a2", "AGENT")))).doesNotContain(id(visits.get(1)));
    }

    private void team(String token, String id, List<String> agents, int capacity) {
        http.put().uri("/api/teams/{id}", id).headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("name", id, "agents", agents.stream()
                        .map(a -> Map.of("id", a, "capacityPerWindow", capacity)).toList()))
                .exchange().expectStatus().isOk();
    }

    private void installPlanFor(String token, String teamId) {
        String plan = new PlanJson().write(PlanPacks.load("hospital-inpatient"))
                .replace("\"teamId\" : null", "\"teamId\" : \"" + teamId + "\"");
        http.post().uri("/api/plans").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(plan).exchange().expectStatus().isCreated();
    }

    static CustomerProfileChanged profile(String customer, int version, String salutation, List<String> hours,
                                          List<String> staff) {
        return new CustomerProfileChanged(customer, salutation, "先生", "138****1234", "INPATIENT",
                List.of("PHONE", "SMS"), "PHONE", hours, null, staff, null, version, CLOCK.instant());
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo;

    /** The stored copy (read straight from the store: there is no API of its own). */
    private JsonNode awaitCopy(String tenant, String customer) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    org.bson.Document d = mongo.findById(tenant + ":" + customer, org.bson.Document.class, "customer_copies")
                            .block(Duration.ofSeconds(5));
                    return d == null ? null : new com.fasterxml.jackson.databind.ObjectMapper().readTree(d.toJson());
                }, c -> c != null && (c.path("profileVersion").asInt() >= 2 || c.path("erased").asBoolean()));
    }

    private void awaitState(String token, String id, String state) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> visit(token, id).get("state").asText().equals(state));
    }

    private JsonNode worklist(String token) {
        return http.get().uri("/api/worklist").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    private static String id(JsonNode v) {
        return v.get("id").asText();
    }
}
