package com.huifang.reporting.quality;

import com.huifang.contracts.EventJson;
import com.huifang.contracts.events.QualityReviewFailed;
import com.huifang.platform.audit.AuditActor;
import com.huifang.platform.audit.AuditDraft;
import com.huifang.platform.audit.AuditTrail;
import com.huifang.platform.correlation.CorrelationId;
import com.huifang.platform.messaging.OutboxEntry;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.security.Caller;
import com.huifang.reporting.facts.domain.VisitFact;
import com.huifang.reporting.facts.domain.VisitResult;
import com.huifang.reporting.facts.store.FactReader;
import com.huifang.reporting.kpi.AgentReviewScores;
import com.huifang.reporting.quality.domain.AgentReviewSummary;
import com.huifang.reporting.quality.domain.ChecklistItem;
import com.huifang.reporting.quality.domain.FinishedVisit;
import com.huifang.reporting.quality.domain.ReviewChecklist;
import com.huifang.reporting.quality.domain.ReviewSample;
import com.huifang.reporting.quality.domain.ReviewScore;
import com.huifang.reporting.quality.domain.SamplingPolicy;
import com.huifang.reporting.quality.store.QualityReviewDocument;
import com.huifang.reporting.quality.store.QualitySettingsDocument;
import com.huifang.reporting.quality.store.QualityStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Monthly quality review (质检抽查, issue 10 §3) over the visit facts: the seeded sample per agent,
 * the visit record a reviewer reads (the read is audited: seed 000, "staff may not read call-back
 * records without approval"), reviews scored on the etiquette checklist and stored append-only with
 * their audit entry, and the per-agent summary the performance report shows.
 */
@Service
public class QualityReviews implements AgentReviewScores {

    private final FactReader facts;
    private final QualityStore store;
    private final AuditTrail trail;
    private final Clock clock;
    private final ReviewChecklist checklist = ReviewChecklist.SEED_000;

    public QualityReviews(FactReader facts, QualityStore store, AuditTrail trail, Clock clock) {
        this.facts = facts;
        this.store = store;
        this.trail = trail;
        this.clock = clock;
    }

    public ReviewChecklist checklist() {
        return checklist;
    }

    public Mono<SamplingPolicy> policy(String tenantId) {
        return store.settings(tenantId).map(s -> new SamplingPolicy(s.share, s.minimum))
                .defaultIfEmpty(SamplingPolicy.DEFAULT);
    }

    /** Sets the tenant's sampling policy; the change and its audit entry are one write. */
    public Mono<SamplingPolicy> updatePolicy(Caller caller, SamplingPolicy policy) {
        return store.settings(caller.tenantId()).defaultIfEmpty(new QualitySettingsDocument()).flatMap(doc -> {
            Map<String, String> before = doc.id == null ? Map.of()
                    : Map.of("share", Double.toString(doc.share), "minimum", Integer.toString(doc.minimum));
            doc.id = caller.tenantId();
            doc.share = policy.share();
            doc.minimum = policy.minimum();
            doc.updatedBy = caller.userId();
            doc.updatedAt = clock.instant();
            return trail.entry(AuditDraft.by(AuditActor.of(caller), caller.tenantId())
                            .action("quality.settings.changed").target("quality-settings", caller.tenantId())
                            .before(before)
                            .after(Map.of("share", Double.toString(policy.share()),
                                    "minimum", Integer.toString(policy.minimum())))
                            .build())
                    .flatMap(entry -> {
                        doc.outbox.add(entry);
                        return store.save(doc);
                    });
        }).thenReturn(policy);
    }

    /** The month's sample of the tenant (every agent's finished visits due in the month). */
    public Mono<ReviewSample> sample(String tenantId, YearMonth month) {
        return policy(tenantId).flatMap(policy -> facts.visitsDue(tenantId, month.atDay(1), month.atEndOfMonth())
                .filter(QualityReviews::finished)
                .map(v -> new FinishedVisit(v.visitId(), v.agentId()))
                .collectList()
                .map(finished -> ReviewSample.draw(tenantId, month, policy, finished)));
    }

    /** Visit ids among {@code visitIds} that already have a review, by anyone. */
    public Mono<List<QualityReviewDocument>> reviewsOf(String tenantId, List<String> visitIds) {
        return visitIds.isEmpty() ? Mono.just(List.of()) : store.reviewsOfVisits(tenantId, visitIds).collectList();
    }

    /** A visit of the caller's tenant that a reviewer may open: exists (404), not their own (403). */
    public Mono<VisitFact> visitForReviewer(Caller caller, String visitId) {
        return facts.visits(caller.tenantId(), List.of(visitId)).next()
                .filter(v -> v.dueAt() != null || v.completed() != null)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("visit", visitId)))
                .doOnNext(v -> ReviewChecklist.requireNotOwnVisit(caller.userId(), v.agentId()));
    }

    /** The visit record for review; the read itself is audited. */
    public Mono<VisitFact> read(Caller caller, String visitId) {
        return visitForReviewer(caller, visitId).flatMap(v -> trail.record(AuditDraft.by(AuditActor.of(caller),
                        caller.tenantId()).action("quality.visit.read").target("visit", visitId)
                        .after(Map.of("agent", String.valueOf(v.agentId()))).build())
                .thenReturn(v));
    }

    /**
     * Scores and stores a review. 404 unknown visit, 403 own visit, 409 visit not finished or already
     * reviewed by this reviewer, 400 bad scores (or an issue asked for on a passed review) — nothing
     * stored in every one of these cases. A review that raises an issue ({@link ReviewScore#raisesIssue})
     * carries its {@link QualityReviewFailed} in the same insert, with an event id derived from the
     * review id, so it is published exactly when the review is stored.
     */
    public Mono<QualityReviewDocument> review(Caller caller, String visitId, Map<String, Integer> scores,
                                              String comments, boolean raiseIssue) {
        return visitForReviewer(caller, visitId).zipWith(facts.zone(caller.tenantId()))
                .zipWith(CorrelationId.current()).flatMap(found -> {
            VisitFact v = found.getT1().getT1();
            java.time.ZoneId zone = found.getT1().getT2();
            if (!finished(v)) {
                return Mono.error(ApiProblem.conflict("visit-not-finished", "quality.review.not-finished", visitId));
            }
            ReviewScore score = checklist.score(scores, comments);
            boolean raisesIssue = score.raisesIssue(raiseIssue);
            QualityReviewDocument d = new QualityReviewDocument();
            d.id = QualityReviewDocument.idOf(caller.tenantId(), visitId, caller.userId());
            d.reviewId = UUID.randomUUID().toString();
            d.tenantId = caller.tenantId();
            d.visitId = visitId;
            d.customerId = v.customerId();
            d.planId = v.planId();
            d.agentId = v.agentId();
            d.reviewerId = caller.userId();
            d.reviewerRole = AuditActor.of(caller).role();
            LocalDate date = v.dueAt().atZone(zone).toLocalDate();
            d.visitDate = date.toString();
            d.month = YearMonth.from(date).toString();
            for (ChecklistItem item : ChecklistItem.values()) {
                d.scores.add(new QualityReviewDocument.ItemScore(item.name(), score.points().get(item), item.maxPoints()));
            }
            d.total = score.total();
            d.max = score.max();
            d.passed = score.passed();
            d.failedItems = score.failedItems().stream().map(Enum::name).toList();
            d.comments = comments == null || comments.isBlank() ? null : comments.trim();
            d.reviewedAt = clock.instant();
            d.raisesIssue = raisesIssue;
            if (raisesIssue) {
                QualityReviewFailed failed = new QualityReviewFailed(d.reviewId, visitId, d.customerId, d.planId,
                        d.agentId, d.reviewerId, score.percent(), d.failedItems, d.comments, d.month, d.reviewedAt);
                d.outbox.add(OutboxEntry.of(EventJson.envelope(failedEventId(d.reviewId), failed, d.tenantId,
                        found.getT2(), d.reviewedAt)));
            }
            Map<String, String> after = new LinkedHashMap<>();
            after.put("agent", d.agentId);
            after.put("score", d.total + "/" + d.max);
            after.put("passed", Boolean.toString(d.passed));
            after.put("issueRaised", Boolean.toString(raisesIssue));
            return trail.entry(AuditDraft.by(AuditActor.of(caller), caller.tenantId())
                            .action(d.passed ? "quality.review.passed" : "quality.review.failed")
                            .target("visit", visitId).after(after).build())
                    .flatMap(entry -> {
                        d.outbox.add(entry);
                        return store.insert(d);
                    })
                    .switchIfEmpty(Mono.error(() -> ApiProblem.conflict("already-reviewed",
                            "quality.review.already-reviewed", visitId)));
        });
    }

    /** The event id of a review's QualityReviewFailed: one per review, whatever happens to the request. */
    public static UUID failedEventId(String reviewId) {
        return UUID.nameUUIDFromBytes(("quality-review-failed:" + reviewId).getBytes(StandardCharsets.UTF_8));
    }

    public Mono<List<QualityReviewDocument>> reviews(String tenantId, String agentId, YearMonth month, Boolean passed) {
        return store.reviews(tenantId, agentId, month == null ? null : month.atDay(1).toString(),
                month == null ? null : month.atEndOfMonth().toString(), passed).collectList();
    }

    @Override
    public Mono<Map<String, Summary>> between(String tenantId, LocalDate from, LocalDate to) {
        return store.reviews(tenantId, null, from.toString(), to.toString(), null)
                .map(r -> new AgentReviewSummary.Outcome(r.agentId, r.total, r.max, r.passed))
                .collectList()
                .map(outcomes -> {
                    Map<String, Summary> out = new LinkedHashMap<>();
                    AgentReviewSummary.of(outcomes).forEach((agent, s) -> out.put(agent,
                            new Summary(s.reviews(), s.passed(), s.failed(), s.meanScore())));
                    return out;
                });
    }

    /** Ended successfully (the customer was reached) by a known agent: what a reviewer can listen to. */
    static boolean finished(VisitFact v) {
        return v.result() == VisitResult.COMPLETED && v.agentId() != null && v.dueAt() != null;
    }
}
