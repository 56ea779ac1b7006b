package com.huifang.schedule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.events.CustomerConsentChanged;
import com.huifang.contracts.events.IssueResolved;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Visits through the API and the topics: planning, due, attempts, 409s, cancellation, consent, re-contact, follow-ups. */
class VisitLifecycleApiTest extends ScheduleApiTest {

    @org.springframework.beans.factory.annotation.Autowired
    io.micrometer.core.instrument.MeterRegistry registry;

    static final Instant DISCHARGE = Instant.parse("2026-03-02T06:30:00Z"); // Monday 14:30 in Shanghai

    @Test
    void dischargeIsPlannedByTheDefaultPackFallsDueOnceAndIsWorkedThroughTheAggregate() {
        String tenant = tenant();
        String agent = token(tenant, "agent-li", "AGENT");
        CLOCK.set(DISCHARGE.plusSeconds(3600));
        String customer = "c-" + UUID.randomUUID();
        publish(tenant, serviceEvent(customer, "DISCHARGED", DISCHARGE, Map.of(), List.of()));

        JsonNode v = awaitVisits(agent, customer, l -> l.size() == 1).get(0);
        String id = v.get("id").asText();
        assertThat(v.get("planId").asText()).isEqualTo("hospital-inpatient");
        assertThat(v.get("state").asText()).isEqualTo("PLANNED");
        // +7 days = Monday 03-09 14:30, outside the windows → 15:00
        assertThat(local(v.get("dueAt").asText())).isEqualTo("2026-03-09T15:00");
        assertThat(local(v.get("deadlineAt").asText())).isEqualTo("2026-03-12T23:59:59");
        assertThat(worklist(agent)).isEmpty();

        CLOCK.advance(Duration.ofDays(7));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> visit(agent, id).get("state").asText().equals("DUE"));
        JsonNode list = worklist(agent);
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").asText()).isEqualTo(id);
        assertThat(list.get(0).get("surveyTemplateId").asText()).isEqualTo("hospital-inpatient");

        // the live gauge counts it as due for its tenant and plan
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            var g = registry.find("huifang.visits.due").tags("tenant", tenant, "plan", "hospital-inpatient").gauge();
            return g != null && g.value() == 1.0;
        });

        // an unknown outcome code is a 400, nothing stored
        attempt(agent, id, Map.of("outcome", "MAYBE")).expectStatus().isBadRequest();
        // the visit is on its PHONE rung: an SMS now is refused
        attempt(agent, id, Map.of("outcome", "NO_ANSWER", "channel", "SMS_LINK")).expectStatus().isEqualTo(409);
        // no answer, rang long enough: counted, retried at another time of day
        attempt(agent, id, Map.of("outcome", "NO_ANSWER", "ringSeconds", 25)).expectStatus().isCreated()
                .expectBody().jsonPath("$.state").isEqualTo("IN_PROGRESS").jsonPath("$.nextAttemptAt").isNotEmpty()
                .jsonPath("$.attempts.length()").isEqualTo(1);
        attempt(agent, id, Map.of("outcome", "REACHED", "ringSeconds", 8, "durationSeconds", 240, "completeVisit", true))
                .expectStatus().isCreated().expectBody().jsonPath("$.state").isEqualTo("COMPLETED")
                .jsonPath("$.result").isEqualTo("COMPLETED");

        assertThat(registry.find("huifang.visit.attempts").tags("outcome", "NO_ANSWER", "channel", "PHONE").counter())
                .isNotNull().satisfies(c -> assertThat(c.count()).isGreaterThanOrEqualTo(1));

        // an ended visit: 409 naming the state and the (no) allowed transitions
        attempt(agent, id, Map.of("outcome", "REACHED")).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.state").isEqualTo("COMPLETED").jsonPath("$.allowed.length()").isEqualTo(0);
        http.post().uri("/api/visits/{id}/cancel", id).headers(h -> h.setBearerAuth(token(tenant, "sup", "SUPERVISOR")))
                .bodyValue(Map.of("reason", "test")).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("illegal-transition").jsonPath("$.requested").isEqualTo("CANCELLED");

        // events: planned, due once, two attempts, completed on time with 2 attempts
        List<EventEnvelope> events = readVisitsTopic(read -> read.stream().anyMatch(e -> e.type().equals("VisitCompleted")
                && id.equals(e.payload().get("visitId").asText())));
        List<EventEnvelope> mine = events.stream().filter(e -> id.equals(e.payload().get("visitId").asText())).toList();
        assertThat(mine).extracting(EventEnvelope::type)
                .containsExactly("VisitPlanned", "VisitDue", "VisitAttempted", "VisitAttempted", "VisitCompleted");
        JsonNode completed = mine.get(4).payload();
        assertThat(completed.get("result").asText()).isEqualTo("COMPLETED");
        assertThat(completed.get("onTime").asBoolean()).isTrue();
        assertThat(completed.get("attempts").asInt()).isEqualTo(2);

        // another tenant sees and changes nothing
        String other = token(tenant(), "agent-li", "AGENT");
        http.get().uri("/api/visits/{id}", id).headers(h -> h.setBearerAuth(other)).exchange().expectStatus().isNotFound();
        attempt(other, id, Map.of("outcome", "REACHED")).expectStatus().isNotFound();
        assertThat(worklist(other)).isEmpty();
        assertThat(visitsOf(other, customer)).isEmpty();
    }

    @Test
    void policyWithdrawnInItsCoolingOffPeriodCancelsTheOpenVisitsOfTheCase() {
        String tenant = tenant();
        String supervisor = token(tenant, "sup-1", "SUPERVISOR");
        http.post().uri("/api/plans/packs/insurance-new-policy").headers(h -> h.setBearerAuth(supervisor)).exchange()
                .expectStatus().isCreated();
        CLOCK.set(sh("2026-03-02T09:00"));
        String customer = "c-" + UUID.randomUUID();
        publish(tenant, serviceEvent(customer, "POLICY_ISSUED", sh("2026-03-02T09:00"),
                Map.of("caseId", "P-1", "policyReceiptDate", "2026-03-04"), List.of()));
        JsonNode v = awaitVisits(supervisor, customer, l -> l.size() == 1).get(0);
        assertThat(v.get("state").asText()).isEqualTo("PLANNED");

        publish(tenant, serviceEvent(customer, "POLICY_WITHDRAWN", sh("2026-03-03T09:00"), Map.of("caseId", "P-1"), List.of()));
        JsonNode after = awaitVisits(supervisor, customer, l -> l.get(0).get("state").asText().equals("CANCELLED"));
        assertThat(after.get(0).get("endReason").asText()).isEqualTo("POLICY_WITHDRAWN");
    }

    @Test
    void aCustomerWhoRefusesAllContactIsNeverDialled() {
        String tenant = tenant();
        String supervisor = token(tenant, "sup-1", "SUPERVISOR");
        CLOCK.set(DISCHARGE.plusSeconds(60));
        String customer = "c-" + UUID.randomUUID();
        publish(tenant, serviceEvent(customer, "DISCHARGED", DISCHARGE, Map.of(), List.of()));
        awaitVisits(supervisor, customer, l -> l.size() == 1);

        publish(tenant, new CustomerConsentChanged(customer, List.of(), true, "STAFF", CLOCK.instant()));
        JsonNode refused = awaitVisits(supervisor, customer, l -> l.get(0).get("state").asText().equals("REFUSED"));
        String id = refused.get(0).get("id").asText();
        // a later discharge plans a visit that is refused at once, never due, never in a worklist
        publish(tenant, serviceEvent(customer, "DISCHARGED", DISCHARGE.plusSeconds(86_400), Map.of(), List.of()));
        JsonNode both = awaitVisits(supervisor, customer, l -> l.size() == 2);
        assertThat(both).allSatisfy(v -> assertThat(v.get("state").asText()).isEqualTo("REFUSED"));
        CLOCK.advance(Duration.ofDays(10));
        assertThat(worklist(token(tenant, "agent-1", "AGENT"))).isEmpty();
        attempt(token(tenant, "agent-1", "AGENT"), id, Map.of("outcome", "REACHED")).expectStatus().isEqualTo(409);
    }

    @Test
    void aResolvedIssueGetsAReContactVisitCarryingTheIssueId() {
        String tenant = tenant();
        String supervisor = token(tenant, "sup-1", "SUPERVISOR");
        CLOCK.set(sh("2026-03-04T16:00"));
        String customer = "c-" + UUID.randomUUID();
        String issueId = "issue-" + UUID.randomUUID();
        IssueResolved resolved = new IssueResolved(issueId, customer, null, "SERVICE", "apologised", true, sh("2026-03-04T15:00"));
        publish(tenant, resolved);
        publish(tenant, resolved); // redelivered: still one visit
        JsonNode v = awaitVisits(supervisor, customer, l -> l.size() == 1).get(0);
        assertThat(v.get("planId").asText()).isEqualTo("issue-recontact");
        assertThat(v.get("issueId").asText()).isEqualTo(issueId);
        // the next working day's first window, deadline 3 working days after the resolution
        assertThat(local(v.get("dueAt").asText())).isEqualTo("2026-03-05T10:00");
        assertThat(local(v.get("deadlineAt").asText())).isEqualTo("2026-03-09T23:59:59");
        assertThat(visit(supervisor, v.get("id").asText()).get("issueId").asText()).isEqualTo(issueId);
    }

    @Test
    void anAgentBooksAFollowUpAndOnlyASupervisorCancels() {
        String tenant = tenant();
        String agent = token(tenant, "agent-li", "AGENT");
        String supervisor = token(tenant, "sup-1", "SUPERVISOR");
        CLOCK.set(DISCHARGE.plusSeconds(60));
        String customer = "c-" + UUID.randomUUID();
        publish(tenant, serviceEvent(customer, "DISCHARGED", DISCHARGE, Map.of(), List.of()));
        String id = awaitVisits(agent, customer, l -> l.size() == 1).get(0).get("id").asText();

        http.post().uri("/api/visits/{id}/follow-ups", id).headers(h -> h.setBearerAuth(agent))
                .bodyValue(Map.of("notBefore", sh("2026-03-20T08:00").toString(), "deadlineWorkingDays", 2,
                        "note", "after the next check-up"))
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.sourceVisitId").isEqualTo(id).jsonPath("$.stage").isEqualTo("follow-up")
                .jsonPath("$.assigneeId").isEqualTo("agent-li").jsonPath("$.dueAt").isEqualTo(sh("2026-03-20T10:00").toString());
        http.post().uri("/api/visits/{id}/follow-ups", id).headers(h -> h.setBearerAuth(agent))
                .bodyValue(Map.of("note", "no date")).exchange().expectStatus().isBadRequest();

        http.post().uri("/api/visits/{id}/cancel", id).headers(h -> h.setBearerAuth(agent))
                .bodyValue(Map.of("reason", "duplicate")).exchange().expectStatus().isForbidden();
        http.post().uri("/api/visits/{id}/cancel", id).headers(h -> h.setBearerAuth(supervisor))
                .bodyValue(Map.of()).exchange().expectStatus().isBadRequest();
        http.post().uri("/api/visits/{id}/cancel", id).headers(h -> h.setBearerAuth(token(tenant(), "sup-1", "SUPERVISOR")))
                .bodyValue(Map.of("reason", "duplicate")).exchange().expectStatus().isNotFound();
        http.post().uri("/api/visits/{id}/cancel", id).headers(h -> h.setBearerAuth(supervisor))
                .bodyValue(Map.of("reason", "duplicate")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("CANCELLED").jsonPath("$.endReason").isEqualTo("duplicate");
    }

    @Test
    void aBookedCallBackStaysWithItsAgentUntilReleasedToTheTeamAfterThePlansMinutes() {
        String tenant = tenant();
        String agentA = token(tenant, "agent-a", "AGENT");
        String agentB = token(tenant, "agent-b", "AGENT");
        CLOCK.set(DISCHARGE.plusSeconds(60));
        String customer = "c-" + UUID.randomUUID();
        publish(tenant, serviceEvent(customer, "DISCHARGED", DISCHARGE, Map.of(), List.of()));
        JsonNode v = awaitVisits(agentA, customer, l -> l.size() == 1).get(0);
        String id = v.get("id").asText();
        CLOCK.set(Instant.parse(v.get("dueAt").asText()).plusSeconds(60));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> visit(agentA, id).get("state").asText().equals("DUE"));
        assertThat(worklist(agentB)).hasSize(1);

        Instant callBack = CLOCK.instant().plus(Duration.ofHours(1));
        attempt(agentA, id, Map.of("outcome", "CALL_BACK_LATER")).expectStatus().isBadRequest();
        attempt(agentA, id, Map.of("outcome", "CALL_BACK_LATER", "callBackAt", callBack.toString())).expectStatus().isCreated()
                .expectBody().jsonPath("$.callbackAgentId").isEqualTo("agent-a");
        CLOCK.set(callBack);
        assertThat(worklist(agentA)).hasSize(1);
        assertThat(worklist(agentB)).isEmpty();
        // the hospital pack releases a call-back not taken within 30 minutes
        CLOCK.set(callBack.plus(Duration.ofMinutes(31)));
        assertThat(worklist(agentB)).hasSize(1);
    }

    @Test
    void anEventReachingAYearTheCalendarDoesNotKnowIsCountedAndPlansNothing() {
        String tenant = tenant();
        String supervisor = token(tenant, "sup-1", "SUPERVISOR");
        CLOCK.set(sh("2026-12-28T15:00"));
        double before = unknown2027();
        String customer = "c-" + UUID.randomUUID();
        publish(tenant, serviceEvent(customer, "DISCHARGED", sh("2026-12-28T14:30"), Map.of(), List.of()));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> unknown2027() > before);
        assertThat(visitsOf(supervisor, customer)).isEmpty();
    }

    @Test
    void anErasedCustomersOpenVisitsAreCancelledAndAttemptNotesRemoved() {
        String tenant = tenant();
        String agent = token(tenant, "agent-li", "AGENT");
        CLOCK.set(DISCHARGE.plusSeconds(60));
        String customer = "c-" + UUID.randomUUID();
        publish(tenant, serviceEvent(customer, "DISCHARGED", DISCHARGE, Map.of(), List.of()));
        JsonNode v = awaitVisits(agent, customer, l -> l.size() == 1).get(0);
        String id = v.get("id").asText();
        CLOCK.set(Instant.parse(v.get("dueAt").asText()).plusSeconds(60));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> visit(agent, id).get("state").asText().equals("DUE"));
        attempt(agent, id, Map.of("outcome", "BUSY", "notes", "daughter answered, mobile 13800001234")).expectStatus().isCreated();

        publish(tenant, new com.huifang.contracts.events.CustomerErased(customer, "req-1", CLOCK.instant()));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode after = visit(agent, id);
            return after.get("state").asText().equals("CANCELLED") && after.get("attempts").get(0).get("notes").isNull();
        });
    }

    private double unknown2027() {
        var c = registry.find("huifang.calendar.unknown.year").tag("year", "2027").counter();
        return c == null ? 0 : c.count();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec attempt(String token, String id, Map<String, Object> body) {
        return http.post().uri("/api/visits/{id}/attempts", id).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private JsonNode worklist(String token) {
        return http.get().uri("/api/worklist").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
