package com.huifang.schedule.visit;

import com.huifang.platform.audit.AuditActor;
import com.huifang.platform.audit.AuditDraft;
import com.huifang.platform.audit.AuditTrail;
import com.huifang.platform.correlation.CorrelationId;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.security.Caller;
import com.huifang.platform.security.Role;
import com.huifang.schedule.calendar.TenantCalendars;
import com.huifang.schedule.calendar.UnknownYears;
import com.huifang.schedule.plan.domain.Channel;
import com.huifang.schedule.visit.domain.Attempt;
import com.huifang.schedule.visit.domain.AttemptOutcome;
import com.huifang.schedule.visit.domain.FollowUpRequest;
import com.huifang.schedule.visit.domain.IllegalVisitTransitionException;
import com.huifang.schedule.visit.domain.PlannedVisit;
import com.huifang.schedule.visit.domain.Visit;
import com.huifang.schedule.visit.domain.VisitEvent;
import com.huifang.schedule.visit.domain.VisitPlanner;
import com.huifang.schedule.visit.domain.VisitRuleException;
import com.huifang.schedule.visit.store.VisitDocument;
import com.huifang.schedule.visit.store.VisitMapping;
import com.huifang.schedule.visit.store.VisitStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * What agents and supervisors do to a visit, through the {@link Visit} aggregate: attempts (with the
 * plan's retry and ladder rules), cancellation, follow-ups, reassignment. The new state and its
 * events are saved in one document write guarded by the version: two agents recording at once
 * cannot both win. A rule the aggregate refuses is a 409 naming the allowed transitions.
 */
@Service
public class VisitCommands {

    private final VisitStore visits;
    private final ReactiveMongoTemplate mongo;
    private final TenantCalendars calendars;
    private final UnknownYears unknownYears;
    private final MeterRegistry registry;
    private final Clock clock;
    private final VisitPlanner planner = new VisitPlanner();
    private final VisitPlanning planning;
    private final AuditTrail auditTrail;

    public VisitCommands(VisitStore visits, ReactiveMongoTemplate mongo, TenantCalendars calendars,
                         UnknownYears unknownYears, MeterRegistry registry, VisitPlanning planning, AuditTrail auditTrail,
                         Clock clock) {
        this.auditTrail = auditTrail;
        this.planning = planning;
        this.visits = visits;
        this.mongo = mongo;
        this.calendars = calendars;
        this.unknownYears = unknownYears;
        this.registry = registry;
        this.clock = clock;
    }

    public record AttemptCommand(String channel, String outcome, Instant callBackAt, Integer ringSeconds,
                                 Integer durationSeconds, String recordingRef, String notes) {
    }

    public Mono<VisitDocument> load(Caller caller, String visitId) {
        return visits.load(caller.tenantId(), visitId);
    }

    public reactor.core.publisher.Flux<VisitDocument> ofCustomer(Caller caller, String customerId) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(caller.tenantId()).and("customerId").is(customerId))
                .with(org.springframework.data.domain.Sort.by("dueAt", "_id")).limit(500), VisitDocument.class);
    }

    public Mono<VisitDocument> recordAttempt(Caller caller, String visitId, AttemptCommand command) {
        AttemptOutcome outcome = AttemptOutcome.valueOf(command.outcome());
        if (outcome == AttemptOutcome.CALL_BACK_LATER && command.callBackAt() == null) {
            return Mono.error(ApiProblem.invalidField("callBackAt", "required", "schedule.attempt.callback-required"));
        }
        return calendars.of(caller.tenantId()).flatMap(calendar -> change(caller, visitId, visit -> {
                    Channel channel = command.channel() == null ? visit.currentChannel() : Channel.valueOf(command.channel());
                    Attempt attempt = new Attempt(channel, clock.instant(), outcome, command.callBackAt(),
                            command.ringSeconds(), command.durationSeconds(), command.recordingRef(), command.notes(),
                            caller.userId());
                    return visit.recordAttempt(attempt, calendar.workingDays());
                }))
                .doOnNext(v -> registry.counter("huifang.visit.attempts", "outcome", outcome.name(),
                        "channel", command.channel() == null ? String.valueOf(v.attempts.get(v.attempts.size() - 1).channel())
                                : command.channel()).increment())
                .flatMap(v -> CorrelationId.current().defaultIfEmpty("")
                        .flatMap(cid -> planning.planNextOccurrence(v, cid.isEmpty() ? null : cid)).thenReturn(v))
                .transform(unknownYears::report);
    }

    public Mono<VisitDocument> cancel(Caller caller, String visitId, String reason) {
        requireSupervisor(caller);
        return change(caller, visitId, visit -> visit.cancel(reason, clock.instant()));
    }

    public Mono<VisitDocument> reassign(Caller caller, String visitId, String agentId, String reason) {
        requireSupervisor(caller);
        return change(caller, visitId, visit -> {
            if (visit.staffIds().contains(agentId)) {
                throw ApiProblem.conflict("conflict-of-interest", "schedule.assignment.conflict-of-interest", agentId);
            }
            return visit.assignTo(agentId, reason, clock.instant());
        }, (before, after) -> AuditDraft.by(AuditActor.of(caller), caller.tenantId())
                .action(before == null ? "visit.assigned" : "visit.reassigned").target("visit", visitId)
                .before(Map.of("assigneeId", String.valueOf(before))).after(Map.of("assigneeId", String.valueOf(after)))
                .reason(reason).build());
    }

    /**
     * Books a follow-up from an answer: a new visit of the same plan, case and ladder, due at the
     * first calling slot from {@code notBefore}. Its id is derived from the source visit and the
     * number of follow-ups it already has, so two concurrent bookings cannot both create the n-th one.
     */
    public Mono<VisitDocument> followUp(Caller caller, String visitId, FollowUpRequest request) {
        Instant now = clock.instant();
        return visits.load(caller.tenantId(), visitId)
                .zipWith(calendars.of(caller.tenantId()))
                .flatMap(t -> mongo.count(Query.query(Criteria.where("tenantId").is(caller.tenantId())
                                .and("sourceVisitId").is(visitId)), VisitDocument.class)
                        .flatMap(n -> CorrelationId.current().flatMap(correlationId -> {
                            VisitDocument source = t.getT1();
                            PlannedVisit spec = planner.planFollowUp(VisitMapping.toVisit(source), request, t.getT2(), now);
                            String id = VisitMapping.visitId("follow-up", visitId, n + 1);
                            Visit.Created created = Visit.plan(id, spec, caller.hasAnyRole(Role.AGENT) ? caller.userId() : source.assigneeId);
                            VisitDocument doc = new VisitDocument();
                            doc.tenantId = caller.tenantId();
                            doc.teamId = source.teamId;
                            doc.callbackReleaseMinutes = source.callbackReleaseMinutes;
                            doc.sourceVisitId = visitId;
                            doc.explanation = new ArrayList<>(spec.explanation());
                            VisitMapping.copy(created.visit(), doc);
                            VisitMapping.publish(doc, created.events(), correlationId, now);
                            doc.plannedAt = now;
                            return mongo.insert(doc).onErrorMap(DuplicateKeyException.class,
                                    e -> ApiProblem.conflict("follow-up-conflict", "schedule.visit.follow-up-conflict", visitId));
                        })))
                .transform(unknownYears::report);
    }

    private Mono<VisitDocument> change(Caller caller, String visitId, Function<Visit, List<VisitEvent>> change) {
        return change(caller, visitId, change, null);
    }

    /** @param audit the audit entry of the change, given the assignee before and after; null when not audited */
    private Mono<VisitDocument> change(Caller caller, String visitId, Function<Visit, List<VisitEvent>> change,
                                       BiFunction<String, String, AuditDraft> audit) {
        return Mono.defer(() -> visits.load(caller.tenantId(), visitId).flatMap(doc -> {
                    String assigneeBefore = doc.assigneeId;
                    Visit visit = VisitMapping.toVisit(doc);
                    List<VisitEvent> events;
                    try {
                        events = change.apply(visit);
                    } catch (IllegalVisitTransitionException e) {
                        return Mono.error(illegal(e));
                    } catch (VisitRuleException e) {
                        return Mono.error(new ApiProblem(HttpStatus.CONFLICT, "visit-rule", "schedule.visit.rule",
                                new Object[] {e.getMessage()}, List.of(), Map.of("state", doc.state)));
                    }
                    Instant now = clock.instant();
                    return CorrelationId.current().defaultIfEmpty("").flatMap(cid -> {
                        if (audit != null) {
                            doc.outbox.add(auditTrail.entry(audit.apply(assigneeBefore, visit.snapshot().assigneeId()),
                                    UUID.randomUUID(), now, cid.isEmpty() ? "none" : cid));
                        }
                        return visits.save(doc, visit, events, cid.isEmpty() ? null : cid, now);
                    });
                }))
                .retryWhen(Retry.max(5).filter(OptimisticLockingFailureException.class::isInstance));
    }

    static ApiProblem illegal(IllegalVisitTransitionException e) {
        return new ApiProblem(HttpStatus.CONFLICT, "illegal-transition", "schedule.visit.illegal-transition",
                new Object[] {e.from().name(), e.to().name()}, List.of(),
                Map.of("state", e.from().name(), "requested", e.to().name(),
                        "allowed", e.allowed().stream().map(Enum::name).sorted().toList()));
    }

    private static void requireSupervisor(Caller caller) {
        if (!caller.hasAnyRole(Role.SUPERVISOR, Role.ADMIN)) {
            throw ApiProblem.forbidden("schedule.visit.supervisors-only");
        }
    }
}
