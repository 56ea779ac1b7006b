package com.huifang.reporting.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.contracts.EventCatalog;
import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.CustomerErased;
import com.huifang.contracts.events.CustomerErasureConfirmed;
import com.huifang.contracts.events.SurveySubmitted;
import com.huifang.contracts.events.TenantRetentionChanged;
import com.huifang.contracts.events.VisitAttempted;
import com.huifang.contracts.events.VisitCompleted;
import com.huifang.contracts.events.VisitPlanned;
import com.huifang.platform.erasure.ErasureConfirmations;
import com.huifang.platform.retention.RetentionPurge;
import com.huifang.platform.retention.RetentionSettings;
import com.huifang.platform.retention.RetentionTarget;
import com.huifang.reporting.facts.domain.AppliedEvent;
import com.huifang.reporting.facts.domain.ReportingEvents;
import com.huifang.reporting.kpi.ReportService;
import com.huifang.testsupport.MutableClock;
import com.huifang.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

/**
 * Reporting's part of retention and erasure (issue 10 §2): after the tenant's retention the personal
 * details of expired visits and reviews are removed and nothing else, and an erased customer's text and
 * recordings are removed and confirmed once; in both, every figure stays as it was.
 */
class RetentionAndErasureTests extends ReportingIntegrationTest {

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    RetentionPurge purge;
    @Autowired
    RetentionSettings retention;
    @Autowired
    ReportService reports;
    @Autowired
    List<RetentionTarget> targets;

    /** A finished phone visit of {@code customer}: one recorded attempt, its end, a survey with a comment. */
    static void visit(List<AppliedEvent> events, String tenant, String visitId, String customer, Instant due,
                      String recording, String comment, String flagNote) {
        events.add(ReportingEvents.event(tenant, "planned-" + visitId, due.minusSeconds(86_400), new VisitPlanned(
                visitId, customer, "P", 1, "main", null, "tpl", due.minusSeconds(86_400), due,
                due.plusSeconds(86_400 * 5), "PHONE", 2, "ra", false)));
        events.add(ReportingEvents.event(tenant, "attempt-" + visitId, due.plusSeconds(600), new VisitAttempted(visitId,
                customer, "P", 1, "PHONE", "REACHED", 5, 300, "ra", due.plusSeconds(600), recording)));
        events.add(ReportingEvents.event(tenant, "completed-" + visitId, due.plusSeconds(900), new VisitCompleted(
                visitId, customer, "P", "COMPLETED", "PHONE", "ra", due.plusSeconds(900), due.plusSeconds(86_400 * 5),
                true, 1)));
        Instant answered = due.plusSeconds(86_400 - 3_600);
        events.add(ReportingEvents.event(tenant, "survey-" + visitId, answered, new SurveySubmitted("r-" + visitId,
                visitId, customer, "P", "tpl", 1, "ra", "PHONE", answered, 4.0, true, 9, "PROMOTER", List.of(),
                flagNote != null, flagNote, comment == null ? List.of() : List.of(comment), false)));
    }

    void publishAll(List<AppliedEvent> events) {
        double before = consumed();
        events.forEach(e -> publish(e, e.eventId()));
        awaitConsumed(before + events.size());
    }

    void review(String token, String visitId, String comments) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scores", Map.of("GREETING", 10, "IDENTITY", 20, "SCRIPT", 20, "NO_PROMISE", 20, "COURTESY", 20,
                "CLOSING", 5));
        body.put("comments", comments);
        http.post().uri("/api/quality/visits/{id}/reviews", visitId).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isCreated();
    }

    /** The month's figures of a tenant, computed afresh from the stored facts. */
    JsonNode november(String tenant, String token) {
        reports.changed(tenant);
        return get(token, "/api/reports/kpis?month=2026-11").get("total").get("values");
    }

    List<String> opinions(String token) {
        List<String> out = new ArrayList<>();
        get(token, "/api/reports/opinions?month=2026-11").forEach(o -> out.add(o.get("comment").asText()));
        return out;
    }

    Document raw(String collection, String tenant, String field, String value) {
        return mongo.findOne(Query.query(Criteria.where("tenantId").is(tenant).and(field).is(value)), Document.class,
                collection).block();
    }

    // ---- retention -----------------------------------------------------------------------------

    /**
     * The platform's purge over this service's retention targets and rules, on a clock of its own: the
     * context's clock is the system clock (the base class's clock configuration is not picked up by its
     * subclasses), so the purge's time is moved here.
     */
    RetentionPurge purgeAt(MutableClock clock) {
        return new RetentionPurge(mongo, targets, retention, clock, Duration.ofHours(24), new SimpleMeterRegistry());
    }

    @Test
    void afterTheTenantsRetentionThePurgeStripsExactlyTheExpiredVisitsAndReviewsAndTheFiguresStay() {
        String tenant = "rt1";
        String sup = TestInfrastructure.token(tenant, "sup-rt", "SUPERVISOR");
        String reviewer = TestInfrastructure.token(tenant, "rev-rt", "AUDITOR");
        // the purge runs two days from now; the tenant's retention reaches back to 2026-11-10 from then
        Instant now = Instant.now();
        MutableClock clock = new MutableClock(now.plus(Duration.ofDays(2)));
        int days = (int) Duration.between(Instant.parse("2026-11-10T00:00:00Z"), clock.instant()).toDays();
        List<AppliedEvent> events = new ArrayList<>();
        // last contact 2026-11-03 01:00 (the survey) and 2026-11-18 01:00
        visit(events, tenant, "rt-old", "cust-rt-old", Instant.parse("2026-11-02T02:00:00Z"), "tel://rec/rt-old",
                "旧意见:护士很耐心", "伤口仍痛");
        visit(events, tenant, "rt-new", "cust-rt-new", Instant.parse("2026-11-17T02:00:00Z"), "tel://rec/rt-new",
                "新意见:回访及时", null);
        events.add(ReportingEvents.event(tenant, "retention-1", NOW,
                new TenantRetentionChanged(tenant, days, 1, 1, NOW)));
        publishAll(events);
        await().atMost(Duration.ofSeconds(30)).until(() -> retention.byTenant().block().containsKey(tenant));
        review(reviewer, "rt-old", "复核:语速偏快");
        review(reviewer, "rt-new", "复核:结束语简短");
        JsonNode before = november(tenant, sup);
        assertThat(opinions(sup)).containsExactlyInAnyOrder("旧意见:护士很耐心", "新意见:回访及时");

        // rt-old's last contact is before the cut-off (2026-11-10), rt-new's and the reviews after it; every
        // other tenant keeps the default 3 years, so nothing of theirs expires
        RetentionPurge.Report report = purgeAt(clock).purgeIfDue().block();
        assertThat(report.ran()).isTrue();
        assertThat(report.anonymised()).containsEntry("visit_facts", 1L).containsEntry("quality_reviews", 0L);
        assertThat(report.deleted()).isEmpty();

        Document old = raw("visit_facts", tenant, "visitId", "rt-old");
        assertThat(old.get("anonymisedAt")).isNotNull();
        assertThat(old.toJson()).doesNotContain("旧意见", "伤口", "tel://rec/rt-old");
        Document kept = raw("visit_facts", tenant, "visitId", "rt-new");
        assertThat(kept.get("anonymisedAt")).isNull();
        assertThat(kept.toJson()).contains("新意见:回访及时", "tel://rec/rt-new");
        assertThat(raw("quality_reviews", tenant, "visitId", "rt-old").get("comments")).isEqualTo("复核:语速偏快");
        assertThat(mongo.count(Query.query(Criteria.where("tenantId").ne(tenant).and("anonymisedAt").exists(true)),
                "visit_facts").block()).isZero();

        assertThat(november(tenant, sup)).isEqualTo(before);
        assertThat(opinions(sup)).containsExactly("新意见:回访及时");
        JsonNode record = get(reviewer, "/api/quality/visits/rt-old");
        assertThat(record.get("recordings")).isEmpty();
        assertThat(record.get("comments")).isEmpty();
        assertThat(record.get("rating").asDouble()).isEqualTo(4.0);
        assertThat(get(reviewer, "/api/quality/visits/rt-new").get("recordingReference").asText())
                .isEqualTo("tel://rec/rt-new");

        // a survey re-sent for the anonymised visit (a later, new event) does not bring its text back
        AppliedEvent resent = ReportingEvents.event(tenant, "survey-again-rt-old", Instant.parse("2026-11-03T02:00:00Z"),
                events.get(3).payload());
        publishAll(List.of(resent));
        assertThat(raw("visit_facts", tenant, "visitId", "rt-old").toJson()).doesNotContain("旧意见", "伤口");

        // a day past the retention of today: rt-new and both reviews have expired too; the reviews' scores stay
        clock.set(now.plus(Duration.ofDays(days + 1)));
        report = purgeAt(clock).purgeIfDue().block();
        assertThat(report.ran()).isTrue();
        assertThat(report.anonymised()).containsEntry("visit_facts", 1L).containsEntry("quality_reviews", 2L);
        assertThat(raw("visit_facts", tenant, "visitId", "rt-new").toJson()).doesNotContain("新意见", "tel://rec/rt-new");
        for (String visitId : List.of("rt-old", "rt-new")) {
            Document review = raw("quality_reviews", tenant, "visitId", visitId);
            assertThat(review).doesNotContainKey("comments").containsEntry("total", 95).containsKey("anonymisedAt");
        }
        assertThat(mongo.count(Query.query(Criteria.where("tenantId").ne(tenant).and("anonymisedAt").exists(true)),
                "quality_reviews").block()).isZero();
        assertThat(november(tenant, sup)).isEqualTo(before);
        assertThat(opinions(sup)).isEmpty();
        JsonNode quality = null;
        for (JsonNode a : get(sup, "/api/reports/agents?month=2026-11")) {
            if (a.get("agent").asText().equals("ra")) {
                quality = a.get("quality");
            }
        }
        assertThat(quality.get("reviews").asInt()).isEqualTo(2);
        assertThat(quality.get("meanScore").asDouble()).isEqualTo(95.0);
    }

    // ---- erasure -------------------------------------------------------------------------------

    @Test
    void anErasedCustomersTextAndRecordingsGoTheCountsStayAndReportingConfirmsOnceThoughDeliveredTwice() {
        String tenant = "er1";
        String sup = TestInfrastructure.token(tenant, "sup-er", "SUPERVISOR");
        String reviewer = TestInfrastructure.token(tenant, "rev-er", "AUDITOR");
        List<AppliedEvent> events = new ArrayList<>();
        Instant due = Instant.parse("2026-11-10T02:00:00Z");
        visit(events, tenant, "er-1", "cust-er", due, "tel://rec/er-1", "李四:希望护士再来一次", "李四诉伤口疼");
        visit(events, tenant, "er-2", "cust-er", due.plusSeconds(86_400), "tel://rec/er-2", null, null);
        visit(events, tenant, "er-3", "cust-keep", due, "tel://rec/er-3", "王五:很满意", null);
        publishAll(events);
        review(reviewer, "er-1", "客户李四反映护士未回电");
        review(reviewer, "er-3", "王五的回访规范");
        JsonNode before = november(tenant, sup);
        assertThat(before.get("due").asDouble()).isEqualTo(3);

        CustomerErased erased = new CustomerErased("cust-er", "req-er-1", NOW);
        EventEnvelope envelope = EventJson.envelope(UUID.randomUUID(), erased, tenant, "corr-er-1", NOW);
        String topic = EventCatalog.of(CustomerErased.class).topic();
        double consumedBefore = consumed();
        kafka.send(topic, envelope.key(), EventJson.write(envelope)).join();
        kafka.send(topic, envelope.key(), EventJson.write(envelope)).join(); // delivered twice

        List<EventEnvelope> confirmations = TopicEvents.read(Topics.CUSTOMERS, e -> tenant.equals(e.tenantId())
                && "CustomerErasureConfirmed".equals(e.type()), 1, Duration.ofSeconds(3));
        assertThat(confirmations).hasSize(1);
        EventEnvelope confirmation = confirmations.get(0);
        assertThat(confirmation.eventId())
                .isEqualTo(ErasureConfirmations.eventIdFor("reporting-service", "cust-er", "req-er-1"));
        assertThat(confirmation.correlationId()).isEqualTo("corr-er-1");
        CustomerErasureConfirmed confirmed = EventJson.payload(confirmation, CustomerErasureConfirmed.class);
        assertThat(confirmed.service()).isEqualTo("reporting-service");
        assertThat(confirmed.customerId()).isEqualTo("cust-er");
        assertThat(confirmed.requestId()).isEqualTo("req-er-1");
        assertThat(confirmed.recordsAnonymised()).isEqualTo(3); // two visit facts, one review
        assertThat(consumed()).isGreaterThanOrEqualTo(consumedBefore + 1);

        // nothing of the customer's text or recordings is left in reporting's store
        for (String visitId : List.of("er-1", "er-2")) {
            assertThat(raw("visit_facts", tenant, "visitId", visitId).toJson())
                    .doesNotContain("李四", "伤口", "tel://rec/er-");
        }
        assertThat(raw("quality_reviews", tenant, "visitId", "er-1").toJson()).doesNotContain("李四");
        // the other customer's stay
        assertThat(raw("visit_facts", tenant, "visitId", "er-3").toJson()).contains("王五:很满意", "tel://rec/er-3");
        assertThat(raw("quality_reviews", tenant, "visitId", "er-3").get("comments")).isEqualTo("王五的回访规范");

        JsonNode record = get(reviewer, "/api/quality/visits/er-1");
        assertThat(record.get("customerErased").asBoolean()).isTrue();
        assertThat(record.get("recordings")).isEmpty();
        assertThat(record.path("recordingReference").asText(null)).isNull();
        assertThat(opinions(sup)).containsExactly("王五:很满意");
        assertThat(november(tenant, sup)).isEqualTo(before);
        JsonNode reviews = get(sup, "/api/quality/reviews?month=2026-11");
        assertThat(reviews).hasSize(2);
        // another tenant's erasure of the same customer id touches nothing here
        EventEnvelope foreign = EventJson.envelope(UUID.randomUUID(), new CustomerErased("cust-keep", "req-x", NOW),
                "er2", "corr-er-2", NOW);
        double beforeForeign = consumed();
        kafka.send(topic, foreign.key(), EventJson.write(foreign)).join();
        awaitConsumed(beforeForeign + 1);
        assertThat(raw("visit_facts", tenant, "visitId", "er-3").toJson()).contains("王五:很满意");
    }
}
