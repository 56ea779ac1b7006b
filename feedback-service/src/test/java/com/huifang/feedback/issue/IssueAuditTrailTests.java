package com.huifang.feedback.issue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.Topics;
import com.huifang.feedback.support.FeedbackIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Issue 10 §1: every issue state change, reassignment and rule change leaves one shared audit entry. */
class IssueAuditTrailTests extends FeedbackIntegrationTest {

    private static final String PHONE = "13812345678";

    private static String line(EventEnvelope e) {
        JsonNode p = e.payload();
        return p.get("action").asText() + " by " + p.get("actor").asText() + "/" + p.get("actorRole").asText() + " "
                + p.get("before") + "->" + p.get("after");
    }

    @Test
    void everyTransitionAndReassignmentWritesOneAuditEntryWithItsActorAndNoPersonalData() {
        CLOCK.set(Instant.parse("2026-03-03T02:00:00Z"));
        String tenant = newTenant();
        String handler = token(tenant, "handler-li", "HANDLER");
        String supervisor = token(tenant, "sup-wang", "SUPERVISOR");
        String id = http.post().uri("/api/issues").headers(h -> h.setBearerAuth(handler))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("category", "DELIVERY", "description", "王女士 " + PHONE + " 衣柜门关不上",
                        "customerId", "c-1"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("id").asText();
        act(supervisor, id, "assign", Map.of("ownerId", "handler-zhao")).expectStatus().isOk();
        act(handler, id, "acknowledge", Map.of("note", "已致电 " + PHONE)).expectStatus().isOk();
        act(handler, id, "start", null).expectStatus().isOk();
        act(handler, id, "start", null).expectStatus().isEqualTo(409); // refused: no entry
        act(handler, id, "resolve", Map.of("note", "已联系王女士 " + PHONE + " 更换")).expectStatus().isOk();
        act(supervisor, id, "waive", Map.of("reason", "客户已搬家")).expectStatus().isOk();

        var entries = events(Topics.AUDIT, "issue/" + id, Duration.ofSeconds(5));
        assertThat(entries).extracting(IssueAuditTrailTests::line).containsExactly(
                "issue.raised by handler-li/HANDLER {}->{\"state\":\"OPEN\",\"category\":\"DELIVERY\",\"severity\":\"NORMAL\","
                        + "\"source\":\"STAFF\",\"department\":\"logistics\",\"ownerQueue\":\"logistics-queue\"}",
                "issue.reassigned by sup-wang/SUPERVISOR {\"owner\":\"\"}->{\"owner\":\"handler-zhao\"}",
                "issue.acknowledged by handler-li/HANDLER {\"state\":\"OPEN\"}->{\"state\":\"ACKNOWLEDGED\"}",
                "issue.started by handler-li/HANDLER {\"state\":\"ACKNOWLEDGED\"}->{\"state\":\"IN_PROGRESS\"}",
                "issue.resolved by handler-li/HANDLER {\"state\":\"IN_PROGRESS\"}->{\"state\":\"RESOLVED\"}",
                "issue.waived by sup-wang/SUPERVISOR {\"state\":\"RESOLVED\"}->{\"state\":\"CLOSED\"}");
        assertThat(entries).extracting(e -> e.payload().get("auditId").asText()).doesNotHaveDuplicates();
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.tenantId()).isEqualTo(tenant);
            assertThat(e.payload().get("service").asText()).isEqualTo("feedback-service");
            assertThat(e.payload().get("targetType").asText()).isEqualTo("issue");
            assertThat(EventJson.write(e)).doesNotContain(PHONE).doesNotContain("王女士").doesNotContain("衣柜");
        });
        assertThat(entries.get(5).payload().get("reason").asText()).isEqualTo("客户已搬家");
        // the issue keeps its own detailed records too
        assertThat(get(handler, "/api/issues/{id}/audit", id)).hasSize(6);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRoutingRuleChangeIsAuditedWithBeforeAndAfter() {
        String tenant = newTenant();
        String admin = token(tenant, "admin-chen", "ADMIN");
        Map<String, Object> rules = new ObjectMapper().convertValue(get(admin, "/api/issues/rules"), Map.class);
        var routes = (List<Map<String, Object>>) rules.get("routes");
        routes.stream().filter(r -> r.get("category").equals("DELIVERY")).findFirst().orElseThrow()
                .put("department", "warehouse");
        http.put().uri("/api/issues/rules").headers(h -> h.setBearerAuth(admin)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(rules).exchange().expectStatus().isOk();
        rules = new ObjectMapper().convertValue(get(admin, "/api/issues/rules"), Map.class);
        rules.put("leadershipQueue", "board");
        http.put().uri("/api/issues/rules").headers(h -> h.setBearerAuth(admin)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(rules).exchange().expectStatus().isOk();

        var entries = events(Topics.AUDIT, "issue-rules/" + tenant, Duration.ofSeconds(5));
        assertThat(entries).hasSize(2);
        JsonNode first = entries.get(0).payload();
        assertThat(first.get("action").asText()).isEqualTo("issue-rules.changed");
        assertThat(first.get("actor").asText()).isEqualTo("admin-chen");
        assertThat(first.get("actorRole").asText()).isEqualTo("ADMIN");
        assertThat(first.get("before").get("routes").asText()).contains("DELIVERY -> logistics/logistics-queue");
        assertThat(first.get("after").get("routes").asText()).contains("DELIVERY -> warehouse/logistics-queue");
        JsonNode second = entries.get(1).payload();
        assertThat(second.get("before").get("leadershipQueue").asText()).isEqualTo("leadership");
        assertThat(second.get("after").get("leadershipQueue").asText()).isEqualTo("board");
    }
}
