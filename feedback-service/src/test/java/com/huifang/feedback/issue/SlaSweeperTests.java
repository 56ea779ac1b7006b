package com.huifang.feedback.issue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.feedback.support.FeedbackIntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;

class SlaSweeperTests extends FeedbackIntegrationTest {

    @Autowired
    SlaSweeper sweeper;

    @Test
    void whenTheClockPassesTheSlaThenEachLevelIsEscalatedOnceEvenWithTwoSweepersRunning() {
        CLOCK.set(java.time.Instant.parse("2026-03-03T02:00:00Z")); // Tuesday 10:00 in Shanghai
        String tenant = newTenant();
        String handler = token(tenant, "handler-li", "HANDLER");
        // delivery: first answer within 2 business hours
        String id = raise(handler, "DELIVERY", "c-1", List.of()).get("id").asText();

        // 1 h 45 min later: about to breach, not overdue; a sweep warns but escalates nothing
        CLOCK.advance(Duration.ofMinutes(105));
        assertThat(ids(get(handler, "/api/issues/at-risk"))).contains(id);
        assertThat(ids(get(handler, "/api/issues/overdue"))).doesNotContain(id);
        sweeper.sweepOnce().block();
        assertThat(get(handler, "/api/issues/{id}", id).get("escalationLevel").asText()).isEqualTo("NONE");

        // the next morning the first answer is 7 business hours late: past every level
        CLOCK.advance(Duration.ofHours(22));
        assertThat(ids(get(handler, "/api/issues/overdue"))).contains(id);
        Mono.zip(sweeper.sweepOnce(), sweeper.sweepOnce()).block();
        sweeper.sweepOnce().block();
        assertThat(get(handler, "/api/issues/{id}", id).get("escalationLevel").asText()).isEqualTo("LEADERSHIP");

        var escalations = issueEvents(id, Duration.ofSeconds(4)).stream()
                .filter(e -> e.type().equals("IssueEscalated")).map(e -> e.payload().get("level").asText()).toList();
        assertThat(escalations).containsExactlyInAnyOrder("SUPERVISOR", "DEPARTMENT_HEAD", "LEADERSHIP");
        JsonNode audit = get(handler, "/api/issues/{id}/audit", id);
        assertThat(audit.findValuesAsText("action").stream().filter("WARN"::equals)).hasSize(1);
        assertThat(audit.findValuesAsText("action").stream().filter("ESCALATE"::equals)).hasSize(3);
    }

    @Test
    void aMajorIssueGoesStraightToLeadershipAndIsNotEscalatedAgain() {
        CLOCK.set(java.time.Instant.parse("2026-03-03T02:00:00Z"));
        String tenant = newTenant();
        String handler = token(tenant, "handler-li", "HANDLER");
        JsonNode issue = http.post().uri("/api/issues").headers(h -> h.setBearerAuth(handler))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("category", "SERVICE_ATTITUDE", "severity", "MAJOR",
                        "description", "代客户签字", "customerId", "c-9"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(issue.get("ownerQueue").asText()).isEqualTo("leadership");
        String id = issue.get("id").asText();
        CLOCK.advance(Duration.ofDays(2));
        sweeper.sweepOnce().block();
        var escalations = issueEvents(id, Duration.ofSeconds(3)).stream()
                .filter(e -> e.type().equals("IssueEscalated")).map(e -> e.payload().get("level").asText()).toList();
        assertThat(escalations).containsExactly("LEADERSHIP");
    }

    private static List<String> ids(JsonNode list) {
        return list.findValuesAsText("id");
    }
}
