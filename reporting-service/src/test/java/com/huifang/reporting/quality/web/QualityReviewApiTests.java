package com.huifang.reporting.quality.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.reporting.facts.domain.AppliedEvent;
import com.huifang.reporting.facts.domain.ReportingEvents;
import com.huifang.reporting.it.ReportingIntegrationTest;
import com.huifang.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Monthly quality review through the API, on visits sent as events: the seeded sample per agent,
 * never one's own visit, the checklist, append-only results, roles, tenants, and the scores in the
 * agent performance report.
 */
class QualityReviewApiTests extends ReportingIntegrationTest {

    static final String REV1 = TestInfrastructure.token("q1", "rev1", "AUDITOR");
    static final String REV2 = TestInfrastructure.token("q1", "rev2", "AUDITOR");
    /** A supervisor who also works visits as agent qs1. */
    static final String QS1 = TestInfrastructure.token("q1", "qs1", "SUPERVISOR", "AGENT");
    static final String SUP_Q1 = TestInfrastructure.token("q1", "sup-q1", "SUPERVISOR");
    static final String AGENT_QA1 = TestInfrastructure.token("q1", "qa1", "AGENT");
    static final String SUP_Q2 = TestInfrastructure.token("q2", "sup-q2", "SUPERVISOR");
    static final String AUD_Q2 = TestInfrastructure.token("q2", "aud-q2", "AUDITOR");
    private static volatile boolean published;

    @BeforeEach
    void visits() {
        synchronized (QualityReviewApiTests.class) {
            if (published) {
                return;
            }
            List<AppliedEvent> events = new ArrayList<>();
            finished(events, "q1", "qa1", 10);
            finished(events, "q1", "qa2", 3);
            finished(events, "q1", "qs1", 2);
            finished(events, "q2", "qb1", 10);
            Instant due = Instant.parse("2026-11-05T02:00:00Z");
            events.add(ReportingEvents.planned("q1", "q1-qa1-failed", null, "P", due, due.plusSeconds(86_400 * 5),
                    "PHONE", "qa1"));
            events.add(ReportingEvents.completed("q1", "q1-qa1-failed", "P", "FAILED", "PHONE", "qa1",
                    due.plusSeconds(86_400), due.plusSeconds(86_400 * 5), false, 3));
            events.add(ReportingEvents.planned("q1", "q1-qa1-open", null, "P", due, due.plusSeconds(86_400 * 5),
                    "PHONE", "qa1"));
            double before = consumed();
            events.forEach(e -> publish(e, e.eventId()));
            awaitConsumed(before + events.size());
            published = true;
        }
    }

    /** {@code n} visits of {@code agent} due on successive November days, each ended successfully. */
    static void finished(List<AppliedEvent> events, String tenant, String agent, int n) {
        for (int i = 0; i < n; i++) {
            String visitId = tenant + "-" + agent + "-v" + i;
            Instant due = Instant.parse("2026-11-02T02:00:00Z").plusSeconds(86_400L * i);
            Instant deadline = due.plusSeconds(86_400 * 5);
            events.add(ReportingEvents.planned(tenant, visitId, null, "P", due, deadline, "PHONE", agent));
            events.add(ReportingEvents.completed(tenant, visitId, "P", "COMPLETED", "PHONE", agent,
                    due.plusSeconds(3_600), deadline, true, 1));
        }
    }

    static Map<String, Integer> fullScores() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("GREETING", 10);
        m.put("IDENTITY", 20);
        m.put("SCRIPT", 20);
        m.put("NO_PROMISE", 20);
        m.put("COURTESY", 20);
        m.put("CLOSING", 10);
        return m;
    }

    WebTestClient.ResponseSpec review(String token, String visitId, Map<String, Integer> scores, String comments) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scores", scores);
        if (comments != null) {
            body.put("comments", comments);
        }
        return http.post().uri("/api/quality/visits/{id}/reviews", visitId).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    Map<String, JsonNode> sampleByAgent(String token) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        get(token, "/api/quality/sample?month=2026-11").get("agents").forEach(a -> out.put(a.get("agentId").asText(), a));
        return out;
    }

    static List<String> visitIds(JsonNode agentSample) {
        List<String> ids = new ArrayList<>();
        agentSample.get("visits").forEach(v -> ids.add(v.get("visitId").asText()));
        return ids;
    }

    List<JsonNode> list(String token, String uri) {
        List<JsonNode> out = new ArrayList<>();
        get(token, uri).forEach(out::add);
        return out;
    }

    @Test
    void theMonthSampleGivesEveryAgentFivePercentOrAtLeastTwoOfTheirFinishedVisitsTheSameOnEveryCall() {
        Map<String, JsonNode> sample = sampleByAgent(REV1);
        assertThat(sample.keySet()).containsExactly("qa1", "qa2", "qs1");
        assertThat(sample.get("qa1").get("finished").asInt()).isEqualTo(10);   // the FAILED and the open visit are not
        assertThat(sample.get("qa1").get("sampleSize").asInt()).isEqualTo(2);  // ⌈5 % × 10⌉ = 1 < minimum 2
        assertThat(sample.get("qa2").get("sampleSize").asInt()).isEqualTo(2);
        assertThat(sample.get("qs1").get("sampleSize").asInt()).isEqualTo(2);
        assertThat(visitIds(sample.get("qa1"))).allMatch(id -> id.startsWith("q1-qa1-v")).doesNotHaveDuplicates();
        // a re-run, by another reviewer, picks the same visits
        assertThat(visitIds(sampleByAgent(REV2).get("qa1"))).isEqualTo(visitIds(sample.get("qa1")));
        assertThat(visitIds(sampleByAgent(REV1).get("qa2"))).isEqualTo(visitIds(sample.get("qa2")));
    }

    @Test
    void aReviewerIsNeitherOfferedNorAllowedToReviewTheirOwnVisits() {
        assertThat(sampleByAgent(QS1).keySet()).containsExactly("qa1", "qa2");
        http.get().uri("/api/quality/visits/q1-qs1-v0").headers(h -> h.setBearerAuth(QS1)).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("利益冲突"));
        review(QS1, "q1-qs1-v1", fullScores(), null).expectStatus().isForbidden();
        assertThat(list(SUP_Q1, "/api/quality/reviews?month=2026-11&agent=qs1"))
                .noneMatch(r -> r.get("reviewerId").asText().equals("qs1"));
    }

    @Test
    void reviewsAreScoredStoredOnceFlaggedWhenFailedAuditedAndShowInAgentPerformance() {
        String good = "q1-qs1-v0";
        String bad = "q1-qs1-v1";
        review(REV1, good, fullScores(), null).expectStatus().isCreated()
                .expectBody().jsonPath("$.passed").isEqualTo(true).jsonPath("$.total").isEqualTo(100)
                .jsonPath("$.agentId").isEqualTo("qs1").jsonPath("$.month").isEqualTo("2026-11");
        // append-only: the same reviewer cannot review it again (nothing is overwritten)
        Map<String, Integer> worse = fullScores();
        worse.put("COURTESY", 0);
        review(REV1, good, worse, "second thoughts").expectStatus().isEqualTo(409);

        Map<String, Integer> promised = fullScores();
        promised.put("NO_PROMISE", 0);
        review(REV1, bad, promised, "承诺了政策之外的免费上门服务").expectStatus().isCreated()
                .expectBody().jsonPath("$.passed").isEqualTo(false).jsonPath("$.flagged").isEqualTo(true)
                .jsonPath("$.total").isEqualTo(80).jsonPath("$.failedItems[0]").isEqualTo("NO_PROMISE");

        List<JsonNode> failed = list(SUP_Q1, "/api/quality/reviews?month=2026-11&agent=qs1&result=failed");
        assertThat(failed).extracting(r -> r.get("visitId").asText()).containsExactly(bad);
        assertThat(list(SUP_Q1, "/api/quality/reviews?month=2026-11&agent=qs1")).hasSize(2);
        assertThat(sampleByAgent(REV2).get("qs1").get("visits")).allMatch(v -> v.get("reviewed").asBoolean());

        JsonNode agents = get(SUP_Q1, "/api/reports/agents?month=2026-11");
        Map<String, JsonNode> byAgent = new LinkedHashMap<>();
        agents.forEach(a -> byAgent.put(a.get("agent").asText(), a));
        JsonNode quality = byAgent.get("qs1").get("quality");
        assertThat(quality.get("reviews").asInt()).isEqualTo(2);
        assertThat(quality.get("passed").asInt()).isEqualTo(1);
        assertThat(quality.get("failed").asInt()).isEqualTo(1);
        assertThat(quality.get("meanScore").asDouble()).isEqualTo(90.0);
        assertThat(byAgent.get("qa2").get("quality").isNull()).isTrue();
        // other months' performance does not count November's reviews
        for (JsonNode a : get(SUP_Q1, "/api/reports/agents?month=2026-12")) {
            assertThat(a.get("quality").isNull()).isTrue();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode entries = get(SUP_Q1, "/api/audit?action=quality.review.&targetType=visit&targetId=" + bad)
                    .get("entries");
            assertThat(entries).hasSize(1);
            assertThat(entries.get(0).get("action").asText()).isEqualTo("quality.review.failed");
            assertThat(entries.get(0).get("actor").asText()).isEqualTo("rev1");
            assertThat(entries.get(0).get("actorRole").asText()).isEqualTo("AUDITOR");
        });
    }

    @Test
    void badReviewsAnswer400ConflictsAnswer409AndNothingIsStored() {
        String visit = "q1-qa2-v0";
        Map<String, Integer> missing = fullScores();
        missing.remove("CLOSING");
        missing.put("GREETING", 11);
        review(REV1, visit, missing, null).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[*].field").value(f -> assertThat(f.toString())
                        .contains("scores.CLOSING", "scores.GREETING"));
        Map<String, Integer> failing = fullScores();
        failing.put("IDENTITY", 0);
        review(REV1, visit, failing, null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("comments");
        Map<String, Integer> unknown = fullScores();
        unknown.put("SMILE", 3);
        review(REV1, visit, unknown, null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("scores.SMILE");
        assertThat(list(SUP_Q1, "/api/quality/reviews?agent=qa2")).isEmpty();

        review(REV1, "q1-qa1-open", fullScores(), null).expectStatus().isEqualTo(409);
        review(REV1, "q1-qa1-failed", fullScores(), null).expectStatus().isEqualTo(409);
        review(REV1, "no-such-visit", fullScores(), null).expectStatus().isNotFound();
        http.get().uri("/api/quality/sample?month=2026-13").headers(h -> h.setBearerAuth(REV1)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("month");
        http.get().uri("/api/quality/sample").headers(h -> h.setBearerAuth(REV1)).exchange()
                .expectStatus().isBadRequest();
        http.get().uri("/api/quality/reviews?result=maybe").headers(h -> h.setBearerAuth(REV1)).exchange()
                .expectStatus().isBadRequest();
        assertThat(list(SUP_Q1, "/api/quality/reviews?agent=qa1")).noneMatch(r -> r.get("visitId").asText()
                .equals("q1-qa1-open") || r.get("visitId").asText().equals("q1-qa1-failed"));
    }

    @Test
    void agentsSeeOnlyTheirOwnResultsAndOtherRolesAndTenantsCannotReview() {
        String visit = visitIds(sampleByAgent(REV2).get("qa1")).get(0);
        review(REV2, visit, fullScores(), "规范").expectStatus().isCreated();

        List<JsonNode> own = list(AGENT_QA1, "/api/quality/reviews");
        assertThat(own).isNotEmpty().allMatch(r -> r.get("agentId").asText().equals("qa1"));
        assertThat(list(TestInfrastructure.token("q1", "qa2", "AGENT"), "/api/quality/reviews")).isEmpty();
        http.get().uri("/api/quality/reviews?agent=qs1").headers(h -> h.setBearerAuth(AGENT_QA1)).exchange()
                .expectStatus().isForbidden();
        for (String token : List.of(AGENT_QA1, TestInfrastructure.token("q1", "h1", "HANDLER"),
                TestInfrastructure.token("q1", "l1", "LEADERSHIP"))) {
            http.get().uri("/api/quality/sample?month=2026-11").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isForbidden();
            http.get().uri("/api/quality/visits/" + visit).headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isForbidden();
            review(token, visit, fullScores(), null).expectStatus().isForbidden();
        }
        http.get().uri("/api/quality/reviews").headers(h -> h.setBearerAuth(TestInfrastructure.token("q1", "h1",
                "HANDLER"))).exchange().expectStatus().isForbidden();

        // another tenant neither sees nor reviews q1's visits
        http.get().uri("/api/quality/visits/" + visit).headers(h -> h.setBearerAuth(AUD_Q2)).exchange()
                .expectStatus().isNotFound();
        review(AUD_Q2, visit, fullScores(), null).expectStatus().isNotFound();
        assertThat(list(AUD_Q2, "/api/quality/reviews")).noneMatch(r -> r.get("visitId").asText().startsWith("q1-"));
        assertThat(sampleByAgent(AUD_Q2).keySet()).containsExactly("qb1");
    }

    @Test
    void aReviewerReadsTheVisitRecordAndTheReadIsAudited() {
        String visit = "q1-qa1-v3";
        JsonNode record = get(REV1, "/api/quality/visits/" + visit);
        assertThat(record.get("agentId").asText()).isEqualTo("qa1");
        assertThat(record.get("result").asText()).isEqualTo("COMPLETED");
        assertThat(record.get("channel").asText()).isEqualTo("PHONE");
        assertThat(record.get("attempts").asInt()).isEqualTo(1);
        assertThat(record.get("recordingReference").isNull()).isTrue();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode entries = get(token("q1", "AUDITOR"), "/api/audit?action=quality.visit.read&actor=rev1"
                    + "&targetType=visit&targetId=" + visit).get("entries");
            assertThat(entries).hasSize(1);
        });
    }

    @Test
    void theTenantSetsShareAndMinimumValidatedAndAuditedAndTheSampleFollows() {
        assertThat(get(SUP_Q2, "/api/quality/settings").get("share").asDouble()).isEqualTo(0.05);
        assertThat(sampleByAgent(AUD_Q2).get("qb1").get("sampleSize").asInt()).isEqualTo(2);
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("share", 1.5, "minimum", 2),
                Map.of("share", 0, "minimum", 2), Map.of("share", 0.1, "minimum", -1), Map.of("minimum", 2))) {
            http.put().uri("/api/quality/settings").headers(h -> h.setBearerAuth(SUP_Q2))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(bad).exchange()
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isNotEmpty();
        }
        for (String token : List.of(AUD_Q2, TestInfrastructure.token("q2", "qb1", "AGENT"))) {
            http.put().uri("/api/quality/settings").headers(h -> h.setBearerAuth(token))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("share", 0.3, "minimum", 1)).exchange()
                    .expectStatus().isForbidden();
        }
        assertThat(get(SUP_Q2, "/api/quality/settings").get("share").asDouble()).isEqualTo(0.05);

        http.put().uri("/api/quality/settings").headers(h -> h.setBearerAuth(SUP_Q2))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("share", 0.3, "minimum", 1)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.share").isEqualTo(0.3);
        assertThat(sampleByAgent(AUD_Q2).get("qb1").get("sampleSize").asInt()).isEqualTo(3);
        // q1 keeps the default
        assertThat(get(SUP_Q1, "/api/quality/settings").get("share").asDouble()).isEqualTo(0.05);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode entries = get(AUD_Q2, "/api/audit?action=quality.settings.changed").get("entries");
            assertThat(entries).hasSize(1);
            assertThat(entries.get(0).get("actor").asText()).isEqualTo("sup-q2");
            assertThat(entries.get(0).get("actorRole").asText()).isEqualTo("SUPERVISOR");
            assertThat(entries.get(0).get("after").get("share").asText()).isEqualTo("0.3");
        });
        assertThat(get(SUP_Q1, "/api/audit?action=quality.settings.").get("entries")).isEmpty();
    }
}
