package com.huifang.schedule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * "Staff may not read call-back records without approval" (issue 10 §4): an agent reads another
 * agent's visit record only through an active, audited access grant; grants are given, listed and
 * revoked per tenant, each change and each read through a grant audited.
 */
class AccessGrantsApiTest extends ScheduleApiTest {

    @Test
    void anAgentReadsAColleaguesVisitOnlyThroughAnActiveGrantAndEveryReadIsAudited() {
        String tenant = tenant();
        String supervisor = token(tenant, "sup-1", "SUPERVISOR");
        String agentA = token(tenant, "agent-a", "AGENT");
        String agentB = token(tenant, "agent-b", "AGENT");
        CLOCK.set(sh("2026-03-02T14:30"));
        String customer = "c-" + UUID.randomUUID();
        publish(tenant, serviceEvent(customer, "DISCHARGED", sh("2026-03-02T14:30"), Map.of(), List.of()));
        JsonNode planned = awaitVisits(supervisor, customer, l -> l.size() == 1).get(0);
        String visitId = planned.get("id").asText();
        assertThat(planned.hasNonNull("assigneeId")).isFalse();
        // nobody holds it yet, it waits in the tenant queue: any agent reads it, as today
        read(agentB, visitId).expectStatus().isOk();
        http.post().uri("/api/visits/{id}/assignee", visitId).headers(h -> h.setBearerAuth(supervisor))
                .bodyValue(Map.of("agentId", "agent-a", "reason", "regular caller")).exchange().expectStatus().isOk();

        // own visit: readable; a colleague's: 403 problem, and the list shows it without its record
        read(agentA, visitId).expectStatus().isOk().expectBody().jsonPath("$.recordWithheld").isEqualTo(false);
        read(agentB, visitId).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("forbidden")
                .jsonPath("$.detail").value(d -> assertThat(d.toString()).contains(visitId));
        assertThat(visitsOf(agentB, customer).get(0).get("recordWithheld").asBoolean()).isTrue();
        assertThat(visitsOf(agentA, customer).get(0).get("recordWithheld").asBoolean()).isFalse();
        // an agent cannot give themselves access, nor can a supervisor approve their own
        give(agentB, "agent-b", "agent-a", "curious", CLOCK.instant().plus(Duration.ofHours(2))).expectStatus().isForbidden();
        give(supervisor, "sup-1", "*", "me", CLOCK.instant().plus(Duration.ofHours(2))).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("self-approval");

        // a grant for agent-a's visits, two hours long
        String grantId = give(supervisor, "agent-b", "agent-a", "monthly quality review",
                CLOCK.instant().plus(Duration.ofHours(2))).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
        read(agentB, visitId).expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(visitId);
        // an auditor reads any visit; a single read of someone else's visit is audited too
        read(token(tenant, "aud-1", "AUDITOR"), visitId).expectStatus().isOk();
        assertThat(visitsOf(agentB, customer).get(0).get("recordWithheld").asBoolean()).isFalse();

        // expired: no longer counts
        CLOCK.advance(Duration.ofHours(2));
        read(agentB, visitId).expectStatus().isForbidden();
        assertThat(visitsOf(agentB, customer).get(0).get("recordWithheld").asBoolean()).isTrue();
        JsonNode listed = grants(supervisor);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("active").asBoolean()).isFalse();
        assertThat(listed.get(0).get("grantedBy").asText()).isEqualTo("sup-1");

        // an all-visits grant, then revoked: no longer counts either; revoking twice is a 409
        String allId = give(supervisor, "agent-b", "*", "complaint investigation",
                CLOCK.instant().plus(Duration.ofDays(1))).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
        read(agentB, visitId).expectStatus().isOk();
        http.post().uri("/api/access-grants/{id}/revoke", allId).headers(h -> h.setBearerAuth(agentB))
                .bodyValue(Map.of("reason", "no")).exchange().expectStatus().isForbidden();
        http.post().uri("/api/access-grants/{id}/revoke", allId).headers(h -> h.setBearerAuth(supervisor))
                .bodyValue(Map.of("reason", "investigation closed")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.active").isEqualTo(false).jsonPath("$.revokedBy").isEqualTo("sup-1");
        read(agentB, visitId).expectStatus().isForbidden();
        http.post().uri("/api/access-grants/{id}/revoke", allId).headers(h -> h.setBearerAuth(supervisor))
                .exchange().expectStatus().isEqualTo(409);

        // audited: the assignment, both grants, the revocation, each read through a grant (2 single, 1 in a list),
        // the auditor's read
        List<JsonNode> entries = audit(tenant, 8);
        assertThat(entries).extracting(e -> e.get("action").asText()).containsExactlyInAnyOrder("visit.assigned",
                "visit.read",
                "access.granted", "access.granted", "visit.read.granted", "visit.read.granted", "visit.read.granted",
                "access.revoked");
        JsonNode granted = entries.stream().filter(e -> e.get("action").asText().equals("access.granted")
                && e.get("targetId").asText().equals(grantId)).findFirst().orElseThrow();
        assertThat(granted.get("actor").asText()).isEqualTo("sup-1");
        assertThat(granted.get("targetType").asText()).isEqualTo("access-grant");
        assertThat(granted.get("after").get("grantee").asText()).isEqualTo("agent-b");
        assertThat(granted.get("after").get("scope").asText()).isEqualTo("agent-a");
        assertThat(granted.get("reason").asText()).isEqualTo("monthly quality review");
        List<JsonNode> reads = entries.stream().filter(e -> e.get("action").asText().equals("visit.read.granted")).toList();
        assertThat(reads).allSatisfy(e -> {
            assertThat(e.get("actor").asText()).isEqualTo("agent-b");
            assertThat(e.get("actorRole").asText()).isEqualTo("AGENT");
            assertThat(e.get("targetType").asText()).isEqualTo("visit");
            assertThat(e.get("targetId").asText()).isEqualTo(visitId);
        });
        assertThat(reads).extracting(e -> e.get("after").get("grantId").asText())
                .containsExactlyInAnyOrder(grantId, grantId, allId);
        JsonNode revoked = entries.stream().filter(e -> e.get("action").asText().equals("access.revoked")).findFirst()
                .orElseThrow();
        assertThat(revoked.get("targetId").asText()).isEqualTo(allId);
        assertThat(revoked.get("reason").asText()).isEqualTo("investigation closed");
        JsonNode auditorRead = entries.stream().filter(e -> e.get("action").asText().equals("visit.read")).findFirst()
                .orElseThrow();
        assertThat(auditorRead.get("actor").asText()).isEqualTo("aud-1");
        assertThat(auditorRead.get("after").get("assigneeId").asText()).isEqualTo("agent-a");
    }

    @Test
    void grantsBelongToTheirTenantAndBadInputStoresNothing() {
        String tenant = tenant();
        String supervisor = token(tenant, "sup-1", "SUPERVISOR");
        CLOCK.set(sh("2026-03-02T14:30"));
        Instant now = CLOCK.instant();
        String grantId = give(supervisor, "agent-b", "agent-a", "quality review", now.plus(Duration.ofDays(30)))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();

        // bad input: 400 naming the field, nothing stored
        give(supervisor, "agent-b", "agent-a", "", now.plus(Duration.ofDays(1))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        http.post().uri("/api/access-grants").headers(h -> h.setBearerAuth(supervisor))
                .bodyValue(Map.of("grantee", "agent-b", "scope", "agent-a", "until", now.plus(Duration.ofDays(1)).toString()))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        give(supervisor, "agent-b", "agent-a", "why", now.minusSeconds(1)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("until")
                .jsonPath("$.errors[0].code").isEqualTo("not-in-future");
        give(supervisor, "agent-b", "agent-a", "why", now.plus(Duration.ofDays(30)).plusSeconds(1)).expectStatus()
                .isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("until")
                .jsonPath("$.errors[0].code").isEqualTo("too-far")
                .jsonPath("$.errors[0].message").value(m -> assertThat(m.toString()).contains("30"));
        JsonNode listed = grants(token(tenant, "aud-1", "AUDITOR"));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("id").asText()).isEqualTo(grantId);
        assertThat(listed.get(0).get("active").asBoolean()).isTrue();
        assertThat(listed.get(0).get("until").asText()).isEqualTo(now.plus(Duration.ofDays(30)).toString());
        // auditors read grants, never give them
        give(token(tenant, "aud-1", "AUDITOR"), "agent-b", "*", "why", now.plusSeconds(60)).expectStatus().isForbidden();

        // another tenant sees none of it and revokes nothing
        String other = token(tenant(), "sup-1", "SUPERVISOR", "ADMIN");
        assertThat(grants(other)).isEmpty();
        http.get().uri("/api/access-grants/{id}", grantId).headers(h -> h.setBearerAuth(other)).exchange()
                .expectStatus().isNotFound();
        http.post().uri("/api/access-grants/{id}/revoke", grantId).headers(h -> h.setBearerAuth(other))
                .bodyValue(Map.of("reason", "x")).exchange().expectStatus().isNotFound();
        http.get().uri("/api/access-grants/{id}", grantId).headers(h -> h.setBearerAuth(supervisor)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(true);
    }

    private WebTestClient.ResponseSpec read(String token, String visitId) {
        return http.get().uri("/api/visits/{id}", visitId).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private WebTestClient.ResponseSpec give(String token, String grantee, String scope, String reason, Instant until) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("grantee", grantee);
        body.put("scope", scope);
        body.put("reason", reason);
        body.put("until", until.toString());
        return http.post().uri("/api/access-grants").headers(h -> h.setBearerAuth(token)).bodyValue(body).exchange();
    }

    private JsonNode grants(String token) {
        return http.get().uri("/api/access-grants").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** The tenant's distinct audit entries once at least {@code expected} arrived (and a moment more, to see extras). */
    private static List<JsonNode> audit(String tenant, int expected) {
        return distinct(readTopic(Topics.AUDIT, read -> distinct(read, tenant).size() >= expected, Duration.ofSeconds(2)),
                tenant).stream().map(EventEnvelope::payload).toList();
    }

    private static List<EventEnvelope> distinct(List<EventEnvelope> read, String tenant) {
        Map<UUID, EventEnvelope> byId = new LinkedHashMap<>();
        read.stream().filter(e -> tenant.equals(e.tenantId())).forEach(e -> byId.putIfAbsent(e.eventId(), e));
        return List.copyOf(byId.values());
    }
}
