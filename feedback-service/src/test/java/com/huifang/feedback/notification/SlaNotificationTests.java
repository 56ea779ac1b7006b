package com.huifang.feedback.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huifang.feedback.issue.SlaSweeper;
import com.huifang.feedback.issue.store.IssueDocument;
import com.huifang.feedback.support.FeedbackIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;

class SlaNotificationTests extends FeedbackIntegrationTest {

    @Autowired
    SlaSweeper sweeper;
    @Autowired
    ReactiveMongoTemplate mongo;

    private JsonNode inbox(String token) {
        return get(token, "/api/notifications");
    }

    private static List<String> kinds(JsonNode inbox) {
        var out = new ArrayList<String>();
        inbox.get("items").forEach(n -> out.add(n.get("kind").asText() + ":" + n.get("detail").asText()));
        return out;
    }

    @SuppressWarnings("unchecked")
    private void nameDepartmentHeads(String supervisor, Map<String, List<String>> heads) {
        Map<String, Object> rules = new ObjectMapper().convertValue(get(supervisor, "/api/issues/rules"), Map.class);
        rules.put("departmentHeads", heads);
        http.put().uri("/api/issues/rules").headers(h -> h.setBearerAuth(supervisor)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(rules).exchange().expectStatus().isOk();
    }

    @Test
    void aWarningIsPublishedOnceAndNotifiesTheOwnerAndSupervisorsAndEachEscalationItsLevel() {
        CLOCK.set(Instant.parse("2026-03-03T02:00:00Z")); // Tuesday 10:00 in Shanghai
        String tenant = newTenant();
        String handler = token(tenant, "handler-li", "HANDLER");
        String zhao = token(tenant, "handler-zhao", "HANDLER");
        String supWang = token(tenant, "sup-wang", "SUPERVISOR");
        String supZhou = token(tenant, "sup-zhou", "SUPERVISOR");
        String head = token(tenant, "head-zhang", "HANDLER");
        String boss = token(tenant, "boss", "LEADERSHIP");
        nameDepartmentHeads(supWang, Map.of("logistics", List.of("head-zhang")));

        // delivery: first answer within 2 business hours
        String id = raise(handler, "DELIVERY", "c-1", List.of()).get("id").asText();
        act(supWang, id, "assign", Map.of("ownerId", "handler-zhao")).expectStatus().isOk();
        assertThat(kinds(inbox(zhao))).containsExactly("ASSIGNMENT:handler-zhao");

        // 1 h 45 min later, two instances sweep at once: one warning, published once
        CLOCK.advance(Duration.ofMinutes(105));
        Mono.zip(sweeper.sweepOnce(), sweeper.sweepOnce()).block();
        sweeper.sweepOnce().block();
        var warnings = issueEvents(id, Duration.ofSeconds(4)).stream().filter(e -> e.type().equals("IssueSlaWarning")).toList();
        assertThat(warnings).hasSize(1);
        JsonNode w = warnings.get(0).payload();
        assertThat(w.get("kind").asText()).isEqualTo("FIRST_RESPONSE");
        assertThat(Instant.parse(w.get("dueAt").asText())).isEqualTo(Instant.parse("2026-03-03T04:00:00Z")); // 12:00
        assertThat(Duration.parse(w.get("remaining").asText())).isEqualTo(Duration.ofMinutes(15));
        assertThat(w.get("owner").asText()).isEqualTo("handler-zhao");
        assertThat(w.get("department").asText()).isEqualTo("logistics");

        // the owner: newest first, both unread
        JsonNode mine = inbox(zhao);
        assertThat(kinds(mine)).containsExactly("SLA_WARNING:FIRST_RESPONSE", "ASSIGNMENT:handler-zhao");
        assertThat(mine.get("unread").asLong()).isEqualTo(2);
        assertThat(mine.get("items").get(0).get("issueId").asText()).isEqualTo(id);
        // the supervisors' queue: each supervisor reads it for themselves
        JsonNode wang = inbox(supWang);
        assertThat(kinds(wang)).containsExactly("SLA_WARNING:FIRST_RESPONSE");
        String warningId = wang.get("items").get(0).get("id").asText();
        http.post().uri("/api/notifications/{id}/read", warningId).headers(h -> h.setBearerAuth(supWang)).exchange()
                .expectStatus().isNoContent();
        assertThat(inbox(supWang).get("unread").asLong()).isZero();
        assertThat(inbox(supWang).get("items").get(0).get("read").asBoolean()).isTrue();
        assertThat(inbox(supZhou).get("unread").asLong()).isEqualTo(1);
        assertThat(inbox(handler).get("items")).isEmpty();

        // the next morning the first answer is 7 business hours late: every level, each told once
        CLOCK.advance(Duration.ofHours(22));
        Mono.zip(sweeper.sweepOnce(), sweeper.sweepOnce()).block();
        sweeper.sweepOnce().block();
        assertThat(kinds(inbox(supZhou))).containsExactly("ESCALATION:SUPERVISOR", "SLA_WARNING:FIRST_RESPONSE");
        assertThat(kinds(inbox(head))).containsExactly("ESCALATION:DEPARTMENT_HEAD");
        assertThat(kinds(inbox(boss))).containsExactly("ESCALATION:LEADERSHIP");
        assertThat(kinds(inbox(zhao))).containsExactly("SLA_WARNING:FIRST_RESPONSE", "ASSIGNMENT:handler-zhao");
    }

    @Test
    void notificationsStayInTheirTenant() {
        CLOCK.set(Instant.parse("2026-03-03T02:00:00Z"));
        String tenant = newTenant();
        String supervisor = token(tenant, "sup-wang", "SUPERVISOR");
        String id = raise(supervisor, "DELIVERY", "c-1", List.of()).get("id").asText();
        act(supervisor, id, "assign", Map.of("ownerId", "handler-zhao")).expectStatus().isOk();
        JsonNode own = inbox(token(tenant, "handler-zhao", "HANDLER"));
        String noticeId = own.get("items").get(0).get("id").asText();

        String stranger = token(newTenant(), "handler-zhao", "HANDLER", "SUPERVISOR");
        assertThat(inbox(stranger).get("items")).isEmpty();
        assertThat(inbox(stranger).get("unread").asLong()).isZero();
        http.post().uri("/api/notifications/{id}/read", noticeId).headers(h -> h.setBearerAuth(stranger)).exchange()
                .expectStatus().isNotFound();
        // nor does a colleague read someone else's personal notice
        http.post().uri("/api/notifications/{id}/read", noticeId)
                .headers(h -> h.setBearerAuth(token(tenant, "handler-li", "HANDLER"))).exchange()
                .expectStatus().isNotFound();
        assertThat(inbox(token(tenant, "handler-zhao", "HANDLER")).get("unread").asLong()).isEqualTo(1);
    }

    @Test
    void anIssueClaimedByAnotherSweeperIsLeftToItUntilItsClaimExpires() {
        CLOCK.set(Instant.parse("2026-03-03T02:00:00Z"));
        String tenant = newTenant();
        String handler = token(tenant, "handler-li", "HANDLER");
        String id = raise(handler, "DELIVERY", "c-1", List.of()).get("id").asText();
        CLOCK.advance(Duration.ofMinutes(105));
        // another instance holds it for a minute
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update()
                .set("sweepClaimedUntil", CLOCK.instant().plus(Duration.ofMinutes(1))).set("sweepClaimedBy", "other"),
                IssueDocument.class).block();
        sweeper.sweepOnce().block();
        assertThat(inbox(token(tenant, "sup", "SUPERVISOR")).get("items")).isEmpty();
        assertThat(get(handler, "/api/issues/{id}/audit", id).findValuesAsText("action")).doesNotContain("WARN");

        // it died: the claim expires and this instance takes over
        CLOCK.advance(Duration.ofMinutes(3));
        sweeper.sweepOnce().block();
        assertThat(kinds(inbox(token(tenant, "sup", "SUPERVISOR")))).containsExactly("SLA_WARNING:FIRST_RESPONSE");
        var stored = mongo.findById(id, IssueDocument.class).block();
        assertThat(stored.sweepClaimedUntil).isNull();
        assertThat(stored.notices).isEmpty();
    }
}
