package com.huifang.feedback.closedloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.SurveySubmitted;
import com.huifang.contracts.events.VisitCompleted;
import com.huifang.contracts.events.VisitPlanned;
import com.huifang.feedback.support.FeedbackIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClosedLoopTests extends FeedbackIntegrationTest {

    private static SurveySubmitted survey(String responseId, String visitId, String customerId, String planId,
                                          double rating, boolean raisesIssue) {
        return new SurveySubmitted(responseId, visitId, customerId, planId, "tpl", 1, "agent-li", "PHONE",
                CLOCK.instant(), rating, rating >= 4, null, null, List.of(), false, null, List.of("护士态度不好"),
                raisesIssue);
    }

    private static VisitPlanned recontact(String visitId, String customerId, String issueId) {
        return new VisitPlanned(visitId, customerId, ClosedLoop.RECONTACT_PLAN, 1, "main", issueId, "tpl",
                CLOCK.instant(), CLOCK.instant(), null, "PHONE", 1, null, false);
    }

    @Test
    void aLowScoreOnTheTopicRaisesOneIssueEvenWhenDeliveredTwice() {
        String tenant = newTenant();
        String responseId = "resp-" + UUID.randomUUID();
        var s = survey(responseId, "v-1", "c-1", "hospital-inpatient", 1.0, true);
        publish(Topics.SURVEYS, tenant, "evt-" + responseId, s);
        publish(Topics.SURVEYS, tenant, "evt-" + responseId, s);
        publish(Topics.SURVEYS, tenant, "evt-again-" + responseId, s);
        String supervisor = token(tenant, "sup", "SUPERVISOR");
        JsonNode issues = await().atMost(Duration.ofSeconds(20)).until(() -> get(supervisor, "/api/issues"), l -> l.size() >= 1);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> get(supervisor, "/api/issues").size() == 1);
        JsonNode issue = issues.get(0);
        assertThat(issue.get("visitId").asText()).isEqualTo("v-1");
        assertThat(issue.get("state").asText()).isEqualTo("OPEN");
        assertThat(issue.get("category").asText()).isEqualTo("DISSATISFACTION");
        assertThat(issue.get("severity").asText()).isEqualTo("MAJOR");
        assertThat(issue.get("source").asText()).isEqualTo("SURVEY");
        var raised = issueEvents(issue.get("id").asText(), Duration.ofSeconds(3)).stream()
                .filter(e -> e.type().equals("IssueRaised")).map(e -> e.eventId()).distinct().toList();
        assertThat(raised).hasSize(1);
    }

    @Test
    void aSatisfiedReContactConfirmsAndClosesTheIssue() {
        String tenant = newTenant();
        String handler = token(tenant, "handler-li", "HANDLER");
        String id = resolved(handler, "c-1");
        var resolvedEvents = issueEvents(id, Duration.ofSeconds(3)).stream()
                .filter(e -> e.type().equals("IssueResolved")).toList();
        assertThat(resolvedEvents).hasSize(1);
        assertThat(resolvedEvents.get(0).payload().get("slaMet").asBoolean()).isTrue();

        publish(Topics.VISITS, tenant, "vp-" + id, recontact("rv-" + id, "c-1", id));
        await().atMost(Duration.ofSeconds(20)).until(() -> get(handler, "/api/issues/{id}", id)
                .path("reContactVisitId").asText().equals("rv-" + id));
        publish(Topics.SURVEYS, tenant, "ss-" + id, survey("r-" + id, "rv-" + id, "c-1", ClosedLoop.RECONTACT_PLAN, 5.0, false));
        await().atMost(Duration.ofSeconds(20)).until(() -> get(handler, "/api/issues/{id}", id).get("state").asText()
                .equals("CLOSED"));
        var closed = issueEvents(id, Duration.ofSeconds(3)).stream().filter(e -> e.type().equals("IssueClosed")).toList();
        assertThat(closed).hasSize(1);
        assertThat(closed.get(0).payload().get("how").asText()).isEqualTo("CONFIRMED");
        assertThat(get(handler, "/api/issues/{id}/audit", id).findValuesAsText("action")).contains("CONFIRM", "CLOSE");
    }

    @Test
    void aDissatisfiedReContactReopensTheIssueFoundByCustomerAndRaisesNoNewOne() {
        String tenant = newTenant();
        String handler = token(tenant, "handler-li", "HANDLER");
        String id = resolved(handler, "c-2");
        // the planned event does not name the issue: the customer's resolved issue is the one
        publish(Topics.VISITS, tenant, "vp-" + id, recontact("rv-" + id, "c-2", null));
        await().atMost(Duration.ofSeconds(20)).until(() -> get(handler, "/api/issues/{id}", id)
                .path("reContactVisitId").asText().equals("rv-" + id));
        publish(Topics.SURVEYS, tenant, "ss-" + id, survey("r-" + id, "rv-" + id, "c-2", ClosedLoop.RECONTACT_PLAN, 2.0, true));
        await().atMost(Duration.ofSeconds(20)).until(() -> get(handler, "/api/issues/{id}", id).get("state").asText()
                .equals("IN_PROGRESS"));
        JsonNode issue = get(handler, "/api/issues/{id}", id);
        assertThat(issue.get("reopenCount").asInt()).isEqualTo(1);
        assertThat(get(handler, "/api/issues")).hasSize(1);
        // resolved again: a second IssueResolved, so a second re-contact visit
        act(handler, id, "resolve", Map.of("note", "replaced the door")).expectStatus().isOk();
        assertThat(issueEvents(id, Duration.ofSeconds(3)).stream().filter(e -> e.type().equals("IssueResolved"))
                .map(e -> e.eventId()).distinct()).hasSize(2);
    }

    @Test
    void whenTheCustomerRefusesTheReContactTheIssueStaysResolvedForASupervisorToWaive() {
        String tenant = newTenant();
        String handler = token(tenant, "handler-li", "HANDLER");
        String id = resolved(handler, "c-3");
        publish(Topics.VISITS, tenant, "vp-" + id, recontact("rv-" + id, "c-3", id));
        publish(Topics.VISITS, tenant, "vc-" + id, new VisitCompleted("rv-" + id, "c-3", ClosedLoop.RECONTACT_PLAN,
                "REFUSED", "PHONE", "agent-li", CLOCK.instant(), null, false, 3));
        await().atMost(Duration.ofSeconds(20)).until(() -> get(handler, "/api/issues/{id}", id)
                .path("reContactOutcome").asText().equals("REFUSED"));
        assertThat(get(handler, "/api/issues/{id}", id).get("state").asText()).isEqualTo("RESOLVED");
        act(token(tenant, "sup-wang", "SUPERVISOR"), id, "waive", Map.of("reason", "customer refused the call-back"))
                .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("CLOSED");
        var closed = issueEvents(id, Duration.ofSeconds(3)).stream().filter(e -> e.type().equals("IssueClosed")).toList();
        assertThat(closed).hasSize(1);
        assertThat(closed.get(0).payload().get("how").asText()).isEqualTo("WAIVED");
    }

    private String resolved(String handler, String customerId) {
        String id = raise(handler, "DELIVERY", customerId, List.of()).get("id").asText();
        act(handler, id, "acknowledge", null).expectStatus().isOk();
        act(handler, id, "start", null).expectStatus().isOk();
        act(handler, id, "resolve", Map.of("note", "delivered the missing part")).expectStatus().isOk();
        return id;
    }
}
