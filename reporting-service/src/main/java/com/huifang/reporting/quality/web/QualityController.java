package com.huifang.reporting.quality.web;

import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.problem.InvalidField;
import com.huifang.platform.security.Caller;
import com.huifang.platform.security.Role;
import com.huifang.reporting.facts.domain.VisitFact;
import com.huifang.reporting.quality.QualityReviews;
import com.huifang.reporting.quality.domain.ChecklistItem;
import com.huifang.reporting.quality.domain.QualityRuleException;
import com.huifang.reporting.quality.domain.ReviewSample;
import com.huifang.reporting.quality.domain.SamplingPolicy;
import com.huifang.reporting.quality.store.QualityReviewDocument;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Quality review (质检抽查): reviewers (AUDITOR, SUPERVISOR) take the month's sample, read a visit's
 * record and score it on the etiquette checklist; agents read their own results only. Reviews are
 * append-only: there is no way to change or delete one.
 */
@RestController
@RequestMapping("/api/quality")
@Tag(name = "Quality review")
public class QualityController {

    private final QualityReviews quality;

    public QualityController(QualityReviews quality) {
        this.quality = quality;
    }

    // ---- checklist and settings ----------------------------------------------------------------

    public record ItemView(String code, int maxPoints, boolean critical, String labelZh, String labelEn) {
    }

    public record ChecklistView(List<ItemView> items, int maxPoints, int passMark) {
    }

    @GetMapping("/checklist")
    @Operation(summary = "The review checklist (seed 000's telephone etiquette): items, full points, critical items, "
            + "pass mark")
    public Mono<ChecklistView> checklist(Caller caller) {
        return Mono.fromCallable(() -> {
            List<ItemView> items = new ArrayList<>();
            for (ChecklistItem i : ChecklistItem.values()) {
                items.add(new ItemView(i.name(), i.maxPoints(), i.critical(), i.labelZh(), i.labelEn()));
            }
            return new ChecklistView(items, quality.checklist().maxPoints(), quality.checklist().passMark());
        });
    }

    public record SettingsView(double share, int minimum) {
        static SettingsView of(SamplingPolicy p) {
            return new SettingsView(p.share(), p.minimum());
        }
    }

    public record SettingsRequest(@NotNull Double share, @NotNull Integer minimum) {
    }

    @GetMapping("/settings")
    @Operation(summary = "SUPERVISOR/AUDITOR/ADMIN: the tenant's sampling share and minimum per agent")
    public Mono<SettingsView> settings(Caller caller) {
        return Mono.fromRunnable(() -> require(caller, Role.SUPERVISOR, Role.AUDITOR, Role.ADMIN))
                .then(quality.policy(caller.tenantId())).map(SettingsView::of);
    }

    @PutMapping("/settings")
    @Operation(summary = "SUPERVISOR/ADMIN: set the sampling share (0–1, e.g. 0.05) and minimum per agent (0–100); "
            + "audited as quality.settings.changed")
    public Mono<SettingsView> updateSettings(Caller caller, @Valid @RequestBody SettingsRequest body) {
        return Mono.fromCallable(() -> {
                    require(caller, Role.SUPERVISOR, Role.ADMIN);
                    return new SamplingPolicy(body.share(), body.minimum());
                })
                .flatMap(p -> quality.updatePolicy(caller, p))
                .map(SettingsView::of)
                .onErrorMap(QualityRuleException.class, QualityController::problem);
    }

    // ---- sample and visit record ---------------------------------------------------------------

    public record SampledVisit(String visitId, boolean reviewed) {
    }

    public record AgentSampleView(String agentId, int finished, int sampleSize, List<SampledVisit> visits) {
    }

    public record SampleView(String month, double share, int minimum, List<AgentSampleView> agents) {
    }

    @GetMapping("/sample")
    @Operation(summary = "AUDITOR/SUPERVISOR: the month's review sample per agent (share of the finished visits, at "
            + "least the minimum; a seeded draw, the same on every call); the caller's own visits are never offered")
    public Mono<SampleView> sample(Caller caller, @RequestParam(required = false) String month) {
        return Mono.fromCallable(() -> {
                    requireReviewer(caller);
                    return month(month, true);
                })
                .flatMap(m -> quality.sample(caller.tenantId(), m))
                .flatMap(sample -> {
                    List<ReviewSample.AgentSample> offered = sample.offeredTo(caller.userId());
                    List<String> ids = offered.stream().flatMap(a -> a.visitIds().stream()).toList();
                    return quality.reviewsOf(caller.tenantId(), ids).map(reviews -> {
                        Set<String> reviewed = reviews.stream().map(r -> r.visitId).collect(Collectors.toSet());
                        return new SampleView(sample.month().toString(), sample.policy().share(),
                                sample.policy().minimum(), offered.stream().map(a -> new AgentSampleView(a.agentId(),
                                        a.finished(), a.visitIds().size(), a.visitIds().stream()
                                        .map(id -> new SampledVisit(id, reviewed.contains(id))).toList())).toList());
                    });
                });
    }

    /** A recorded attempt: the reference of the call in the telephony system (never the recording itself). */
    public record RecordingView(int attemptNo, String reference) {
    }

    /**
     * The record of a visit as reporting holds it. {@code recordingReference} is the latest recorded
     * attempt's (the call to listen to), {@code recordings} every recorded attempt's; both are empty when
     * no attempt was recorded, the customer was erased or retention removed them.
     */
    public record VisitRecordView(String visitId, String agentId, String planId, String channel, String result,
                                  Instant dueAt, Instant completedAt, boolean onTime, int attempts,
                                  String recordingReference, List<RecordingView> recordings, Double rating,
                                  Boolean satisfied, Integer nps, List<String> comments, List<String> issueIds,
                                  boolean customerErased) {
        static VisitRecordView of(VisitFact v) {
            var completed = v.completed() == null ? null : v.completed().value();
            int attempts = Math.max(v.maxAttemptNo(), completed == null ? 0 : completed.attempts());
            List<RecordingView> recordings = v.recordings().entrySet().stream()
                    .map(e -> new RecordingView(e.getKey(), e.getValue())).toList();
            return new VisitRecordView(v.visitId(), v.agentId(), v.planId(), v.channel(),
                    v.result() == null ? null : v.result().name(), v.dueAt(), v.completedAt(), v.onTime(), attempts,
                    v.latestRecording(), recordings, v.rating(), v.satisfied(), v.nps(), v.comments(),
                    List.copyOf(v.issueIds()), v.erased());
        }
    }

    @GetMapping("/visits/{visitId}")
    @Operation(summary = "AUDITOR/SUPERVISOR: the record of a visit to review (not one's own); the read is audited "
            + "as quality.visit.read")
    public Mono<VisitRecordView> visit(Caller caller, @PathVariable String visitId) {
        return Mono.fromRunnable(() -> requireReviewer(caller))
                .then(quality.read(caller, visitId))
                .map(VisitRecordView::of)
                .onErrorMap(QualityRuleException.class, QualityController::problem);
    }

    // ---- reviews -------------------------------------------------------------------------------

    /**
     * @param scores     checklist item code → points (0…the item's full points), every item once
     * @param raiseIssue on a failed review, raise an issue against the agent (a failed critical item —
     *                   IDENTITY, NO_PROMISE — raises one anyway); 400 on a passed review
     */
    public record ReviewRequest(Map<String, Integer> scores, String comments, Boolean raiseIssue) {
    }

    public record ReviewView(String reviewId, String visitId, String agentId, String reviewerId, String month,
                             Map<String, Integer> scores, int total, int max, boolean passed, boolean flagged,
                             List<String> failedItems, String comments, boolean issueRaised,
                             Instant reviewedAt) {
        static ReviewView of(QualityReviewDocument d) {
            Map<String, Integer> scores = new LinkedHashMap<>();
            d.scores.forEach(s -> scores.put(s.item, s.points));
            return new ReviewView(d.reviewId, d.visitId, d.agentId, d.reviewerId, d.month, scores, d.total, d.max,
                    d.passed, !d.passed, d.failedItems, d.comments, d.raisesIssue, d.reviewedAt);
        }
    }

    @PostMapping("/visits/{visitId}/reviews")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "AUDITOR/SUPERVISOR: score a finished visit on the checklist (a failed review needs comments). "
            + "A failed review raises an issue against the agent (event QualityReviewFailed; the feedback-service opens "
            + "it, routed to the agent's supervisors) when raiseIssue is true, and always when a critical item "
            + "(IDENTITY, NO_PROMISE) failed; raiseIssue on a passed review is a 400. "
            + "403 for one's own visit, 409 when not finished or already reviewed by the caller; stored append-only "
            + "and audited")
    public Mono<ReviewView> review(Caller caller, @PathVariable String visitId, @RequestBody ReviewRequest body) {
        return Mono.fromRunnable(() -> requireReviewer(caller))
                .then(quality.review(caller, visitId, body.scores(), body.comments(),
                        Boolean.TRUE.equals(body.raiseIssue())))
                .map(ReviewView::of)
                .onErrorMap(QualityRuleException.class, QualityController::problem);
    }

    @GetMapping("/reviews")
    @Operation(summary = "Reviews, newest first, filtered by month, agent and result=passed|failed (failed reviews "
            + "are the flagged ones). AUDITOR/SUPERVISOR/ADMIN see every agent's; an AGENT sees their own only")
    public Mono<List<ReviewView>> reviews(Caller caller, @RequestParam(required = false) String month,
                                          @RequestParam(required = false) String agent,
                                          @RequestParam(required = false) String result) {
        return Mono.fromCallable(() -> {
            String agentId = agent == null || agent.isBlank() ? null : agent.trim();
            if (!caller.hasAnyRole(Role.AUDITOR, Role.SUPERVISOR, Role.ADMIN)) {
                require(caller, Role.AGENT);
                if (agentId != null && !agentId.equals(caller.userId())) {
                    throw ApiProblem.forbidden("quality.review.others");
                }
                agentId = caller.userId();
            }
            Boolean passed = null;
            if (result != null) {
                passed = switch (result.trim().toLowerCase()) {
                    case "passed" -> true;
                    case "failed" -> false;
                    default -> throw ApiProblem.invalidField("result", "format", "quality.review.bad-result", result);
                };
            }
            return new Object[] {agentId, month(month, false), passed};
        }).flatMap(a -> quality.reviews(caller.tenantId(), (String) a[0], (YearMonth) a[1], (Boolean) a[2]))
                .map(list -> list.stream().map(ReviewView::of).toList());
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static YearMonth month(String month, boolean required) {
        if (month == null || month.isBlank()) {
            if (required) {
                throw ApiProblem.invalidField("month", "required", "quality.month.required");
            }
            return null;
        }
        try {
            return YearMonth.parse(month.trim());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField("month", "format", "quality.month.bad", month);
        }
    }

    private static void requireReviewer(Caller caller) {
        require(caller, Role.AUDITOR, Role.SUPERVISOR);
    }

    private static void require(Caller caller, Role... roles) {
        if (!caller.hasAnyRole(roles)) {
            throw ApiProblem.forbidden("problem.forbidden");
        }
    }

    static ApiProblem problem(QualityRuleException e) {
        if (e.kind() == QualityRuleException.Kind.OWN_VISIT) {
            return ApiProblem.forbidden("quality.review.own-visit");
        }
        return ApiProblem.invalid(e.violations().stream()
                .map(v -> InvalidField.of(v.field(), v.code(), v.messageKey(), v.args().toArray())).toList());
    }
}
