package com.huifang.feedback.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.IssueRaised;
import com.huifang.contracts.events.QualityReviewFailed;
import com.huifang.feedback.support.FeedbackIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** A failed quality review (QualityReviewFailed on huifang.visits, over the real broker) raises an issue. */
class QualityReviewIssueTests extends FeedbackIntegrationTest {

    private static QualityReviewFailed review(String reviewId, String agentId) {
        return new QualityReviewFailed(reviewId, "v-" + UUID.randomUUID(), "c-" + UUID.randomUUID(), "plan-1",
                agentId, "reviewer-zhou", 55, List.of("IDENTITY_CONFIRMED", "CLOSING_LINE"), "未核实身份就开始回访",
                "2026-02", CLOCK.instant());
    }

    private int status(String token, String issueId) {
        return http.get().uri("/api/issues/{id}", issueId).headers(h -> h.setBearerAuth(token)).exchange()
                .returnResult(String.class).getStatus().value();
    }

    private JsonNode raisedBy(String tenant, QualityReviewFailed review, String supervisor) {
        String issueId = QualityReviewIntake.issueIdOf(review.reviewId());
        publish(Topics.VISITS, tenant, "review-" + review.reviewId(), review);
        publish(Topics.VISITS, tenant, "review-" + review.reviewId(), review); // the same event delivered twice
        publish(Topics.VISITS, tenant, "review-again-" + review.reviewId(), review); // published again, new event id
        await().atMost(Duration.ofSeconds(30)).until(() -> status(supervisor, issueId) == 200);
        return get(supervisor, "/api/issues/{id}", issueId);
    }

    @Test
    void whenAReviewFailsThenOneIssueIsRaisedAgainstTheAgentRoutedToQualityAndDescribedByTheFailedItems() {
        String tenant = newTenant();
        String supervisor = token(tenant, "sup-lin", "SUPERVISOR");
        QualityReviewFailed review = review("rev-" + UUID.randomUUID(), "agent-wang");
        JsonNode issue = raisedBy(tenant, review, supervisor);
        String issueId = issue.get("id").asText();

        assertThat(issue.get("category").asText()).isEqualTo("QUALITY_REVIEW");
        assertThat(issue.get("source").asText()).isEqualTo("QUALITY_REVIEW");
        assertThat(issue.get("severity").asText()).isEqualTo("NORMAL");
        assertThat(issue.get("department").asText()).isEqualTo("quality");
        assertThat(issue.get("ownerQueue").asText()).isEqualTo("quality-review-queue");
        assertThat(issue.get("ownerId").isNull()).isTrue();
        assertThat(issue.get("staffIds")).hasSize(1);
        assertThat(issue.get("staffIds").get(0).asText()).isEqualTo("agent-wang");
        assertThat(issue.get("visitId").asText()).isEqualTo(review.visitId());
        assertThat(issue.get("customerId").asText()).isEqualTo(review.customerId());
        assertThat(issue.get("description").asText()).contains("IDENTITY_CONFIRMED", "CLOSING_LINE",
                "未核实身份就开始回访", "55/100", "2026-02");

        var raised = issueEvents(issueId, Duration.ofSeconds(3)).stream()
                .filter(e -> "IssueRaised".equals(e.type())).map(e -> EventJson.payload(e, IssueRaised.class)).toList();
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).source()).isEqualTo("QUALITY_REVIEW");
        assertThat(raised.get(0).category()).isEqualTo("QUALITY_REVIEW");
        assertThat(raised.get(0).staffIds()).containsExactly("agent-wang");
        assertThat(raised.get(0).department()).isEqualTo("quality");

        // the agent concerned never handles it; another handler may
        act(supervisor, issueId, "assign", Map.of("ownerId", "agent-wang")).expectStatus().isBadRequest();
        act(token(tenant, "agent-wang", "HANDLER"), issueId, "acknowledge", Map.of("note", "我来处理"))
                .expectStatus().isBadRequest();
        assertThat(get(supervisor, "/api/issues/{id}", issueId).get("ownerId").isNull()).isTrue();
        act(supervisor, issueId, "assign", Map.of("ownerId", "sup-lin")).expectStatus().isOk()
                .expectBody().jsonPath("$.ownerId").isEqualTo("sup-lin");

        // another tenant sees nothing of it
        assertThat(status(token(newTenant(), "sup-lin", "SUPERVISOR"), issueId)).isEqualTo(404);
    }

    @Test
    void whenTheTenantsRulesPredateQualityReviewsThenTheIssueIsStillRaisedWithTheDefaultRoute() {
        String tenant = newTenant();
        String supervisor = token(tenant, "sup-lin", "SUPERVISOR");
        var categories = List.of(
                Map.of("code", "DISSATISFACTION", "firstResponseHours", 4, "resolutionWorkingDays", 5),
                Map.of("code", "AGENT_FLAG", "firstResponseHours", 2, "resolutionWorkingDays", 2));
        var routes = new ArrayList<Map<String, Object>>(List.of(
                Map.of("category", "DISSATISFACTION", "department", "service", "ownerQueue", "service-q"),
                Map.of("category", "AGENT_FLAG", "department", "service", "ownerQueue", "service-q")));
        http.put().uri("/api/issues/rules").headers(h -> h.setBearerAuth(supervisor)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("businessHours", "09:00-17:00", "leadershipQueue", "board", "categories", categories,
                        "routes", routes))
                .exchange().expectStatus().isOk();

        JsonNode issue = raisedBy(tenant, review("rev-" + UUID.randomUUID(), "agent-zhao"), supervisor);
        assertThat(issue.get("category").asText()).isEqualTo("QUALITY_REVIEW");
        assertThat(issue.get("department").asText()).isEqualTo("quality");
    }
}
