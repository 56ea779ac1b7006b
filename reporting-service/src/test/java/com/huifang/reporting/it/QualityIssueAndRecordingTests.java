package com.huifang.reporting.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.QualityReviewFailed;
import com.huifang.contracts.events.VisitAttempted;
import com.huifang.contracts.events.VisitCompleted;
import com.huifang.contracts.events.VisitPlanned;
import com.huifang.reporting.facts.domain.AppliedEvent;
import com.huifang.reporting.facts.domain.ReportingEvents;
import com.huifang.reporting.quality.QualityReviews;
import com.huifang.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A failed quality review raises an issue against the agent (QualityReviewFailed, once, in the same
 * write as the review), a passed one never does; the reviewer sees the recording references that
 * VisitAttempted carried.
 */
class QualityIssueAndRecordingTests extends ReportingIntegrationTest {

    static final String TENANT = "qi1";
    static final String REVIEWER = TestInfrastructure.token(TENANT, "rev-qi", "AUDITOR");
    static final String OTHER_TENANT = TestInfrastructure.token("qi2", "rev-qi", "AUDITOR");
    static final Instant DUE = Instant.parse("2026-11-09T02:00:00Z");
    private static volatile boolean published;

    @Autowired
    ReactiveMongoTemplate mongo;

    @BeforeEach
    void visits() {
        synchronized (QualityIssueAndRecordingTests.class) {
            if (published) {
                return;
            }
            List<AppliedEvent> events = new ArrayList<>();
            for (String v : List.of("qi-pass", "qi-asked", "qi-critical", "qi-unasked", "qi-bad-request")) {
                finished(events, v, "cust-" + v);
            }
            // the recorded visit: a missed call, then the reached one, both recorded; an SMS without recording
            events.add(ReportingEvents.event(TENANT, "att-1", DUE.plusSeconds(60), new VisitAttempted("qi-rec",
                    "cust-rec", "P", 1, "PHONE", "NO_ANSWER", 25, 0, "qa", DUE.plusSeconds(60), "tel://rec/1001")));
            events.add(ReportingEvents.event(TENANT, "att-3", DUE.plusSeconds(180), new VisitAttempted("qi-rec",
                    "cust-rec", "P", 3, "SMS", "REACHED", null, null, "qa", DUE.plusSeconds(180))));
            events.add(ReportingEvents.event(TENANT, "att-2", DUE.plusSeconds(120), new VisitAttempted("qi-rec",
                    "cust-rec", "P", 2, "PHONE", "REACHED", 5, 240, "qa", DUE.plusSeconds(120), "tel://rec/1002")));
            finished(events, "qi-rec", "cust-rec");
            double before = consumed();
            events.forEach(e -> publish(e, e.eventId()));
            awaitConsumed(before + events.size());
            published = true;
        }
    }

    static void finished(List<AppliedEvent> events, String visitId, String customerId) {
        events.add(ReportingEvents.event(TENANT, "planned-" + visitId, DUE.minusSeconds(86_400), new VisitPlanned(visitId,
                customerId, "P", 1, "main", null, "tpl", DUE.minusSeconds(86_400), DUE, DUE.plusSeconds(86_400 * 5),
                "PHONE", 2, "qa", false)));
        events.add(ReportingEvents.event(TENANT, "completed-" + visitId, DUE.plusSeconds(3_600), new VisitCompleted(
                visitId, customerId, "P", "COMPLETED", "PHONE", "qa", DUE.plusSeconds(3_600),
                DUE.plusSeconds(86_400 * 5), true, 1)));
    }

    static Map<String, Integer> scores(String item, int points) {
        Map<String, Integer> m = new LinkedHashMap<>(Map.of("GREETING", 10, "IDENTITY", 20, "SCRIPT", 20,
                "NO_PROMISE", 20, "COURTESY", 20, "CLOSING", 10));
        if (item != null) {
            m.put(item, points);
        }
        return m;
    }

    WebTestClient.ResponseSpec review(String visitId, Map<String, Integer> scores, String comments, Boolean raise) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scores", scores);
        if (comments != null) {
            body.put("comments", comments);
        }
        if (raise != null) {
            body.put("raiseIssue", raise);
        }
        return http.post().uri("/api/quality/visits/{id}/reviews", visitId).headers(h -> h.setBearerAuth(REVIEWER))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    static List<EventEnvelope> reviewFailures(int expected) {
        return TopicEvents.read(Topics.VISITS, e -> TENANT.equals(e.tenantId()) && "QualityReviewFailed".equals(e.type()),
                expected, Duration.ofSeconds(2));
    }

    @Test
    void aFailedReviewThatAsksForAnIssuePublishesOneQualityReviewFailedAndAPassedOneNone() {
        review("qi-pass", scores(null, 0), null, null).expectStatus().isCreated()
                .expectBody().jsonPath("$.passed").isEqualTo(true).jsonPath("$.issueRaised").isEqualTo(false);
        // 75 of 100, no critical item lost: fails on the total; the reviewer asks for an issue
        Map<String, Integer> sloppy = scores("SCRIPT", 5);
        sloppy.put("CLOSING", 0);
        String reviewId = review("qi-asked", sloppy, "未按话术提问,未致结束语", true).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("reviewId").asText();
        // the same reviewer again: 409, nothing more published
        review("qi-asked", sloppy, "again", true).expectStatus().isEqualTo(409);

        List<EventEnvelope> asked = reviewFailures(1).stream()
                .filter(e -> "qi-asked".equals(e.payload().get("visitId").asText())).toList();
        assertThat(asked).hasSize(1);
        EventEnvelope envelope = asked.get(0);
        assertThat(envelope.eventId()).isEqualTo(QualityReviews.failedEventId(reviewId));
        assertThat(envelope.key()).isEqualTo("cust-qi-asked");
        QualityReviewFailed failed = EventJson.payload(envelope, QualityReviewFailed.class);
        assertThat(failed.reviewId()).isEqualTo(reviewId);
        assertThat(failed.agentId()).isEqualTo("qa");
        assertThat(failed.reviewerId()).isEqualTo("rev-qi");
        assertThat(failed.customerId()).isEqualTo("cust-qi-asked");
        assertThat(failed.planId()).isEqualTo("P");
        assertThat(failed.failedItems()).containsExactly("SCRIPT", "CLOSING");
        assertThat(failed.score()).isEqualTo(75.0);
        assertThat(failed.comment()).isEqualTo("未按话术提问,未致结束语");
        assertThat(failed.period()).isEqualTo("2026-11");

        // the passed review was relayed too (its audit entry arrived), without a QualityReviewFailed
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get(
                TestInfrastructure.token(TENANT, "sup", "SUPERVISOR"),
                "/api/audit?action=quality.review.passed&targetType=visit&targetId=qi-pass").get("entries")).hasSize(1));
        assertThat(reviewFailures(1)).noneMatch(e -> "qi-pass".equals(e.payload().get("visitId").asText()));
    }

    @Test
    void aCriticalItemFailureRaisesAnIssueUnaskedAndAFailureOnTheTotalOnlyWhenAsked() {
        review("qi-critical", scores("IDENTITY", 0), "未核实身份", null).expectStatus().isCreated()
                .expectBody().jsonPath("$.issueRaised").isEqualTo(true)
                .jsonPath("$.failedItems[0]").isEqualTo("IDENTITY");
        Map<String, Integer> sloppy = scores("SCRIPT", 5);
        sloppy.put("CLOSING", 0);
        review("qi-unasked", sloppy, "话术不规范", false).expectStatus().isCreated()
                .expectBody().jsonPath("$.passed").isEqualTo(false).jsonPath("$.issueRaised").isEqualTo(false);

        List<EventEnvelope> failures = reviewFailures(1);
        assertThat(failures).filteredOn(e -> "qi-critical".equals(e.payload().get("visitId").asText())).hasSize(1)
                .allSatisfy(e -> assertThat(EventJson.payload(e, QualityReviewFailed.class).failedItems())
                        .containsExactly("IDENTITY"));
        assertThat(failures).noneMatch(e -> "qi-unasked".equals(e.payload().get("visitId").asText()));
    }

    @Test
    void askingForAnIssueOnAPassedReviewIs400AndStoresNothing() {
        review("qi-bad-request", scores(null, 0), null, true).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("raiseIssue");
        assertThat(mongo.count(Query.query(Criteria.where("tenantId").is(TENANT).and("visitId").is("qi-bad-request")),
                "quality_reviews").block()).isZero();
    }

    @Test
    void theReviewerSeesTheRecordingReferencesOfTheVisitsAttempts() {
        JsonNode record = get(REVIEWER, "/api/quality/visits/qi-rec");
        assertThat(record.get("recordingReference").asText()).isEqualTo("tel://rec/1002");
        List<String> recordings = new ArrayList<>();
        record.get("recordings").forEach(r -> recordings.add(r.get("attemptNo").asInt() + "=" + r.get("reference").asText()));
        assertThat(recordings).containsExactly("1=tel://rec/1001", "2=tel://rec/1002");
        assertThat(record.get("attempts").asInt()).isEqualTo(3);
        // a visit without a recorded attempt has none; another tenant does not see the visit at all
        assertThat(get(REVIEWER, "/api/quality/visits/qi-pass").path("recordingReference").asText(null)).isNull();
        http.get().uri("/api/quality/visits/qi-rec").headers(h -> h.setBearerAuth(OTHER_TENANT)).exchange()
                .expectStatus().isNotFound();
    }
}
