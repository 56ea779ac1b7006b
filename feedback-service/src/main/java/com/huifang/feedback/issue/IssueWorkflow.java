package com.huifang.feedback.issue;

import com.huifang.calendar.UnknownCalendarYearException;
import com.huifang.feedback.issue.domain.Issue;
import com.huifang.feedback.issue.domain.IssueEvent;
import com.huifang.feedback.issue.domain.RaiseIssue;
import com.huifang.feedback.issue.store.IssueDocument;
import com.huifang.feedback.issue.store.IssueStore;
import com.huifang.feedback.notification.Notifications;
import com.huifang.feedback.notification.domain.IssueNotices;
import com.huifang.feedback.notification.domain.Notice;
import com.huifang.platform.audit.AuditTrail;
import com.huifang.platform.messaging.OutboxEntry;
import com.huifang.feedback.rules.TenantRules;
import com.huifang.platform.correlation.CorrelationId;
import com.huifang.platform.problem.ApiProblem;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Loads an issue, lets the domain act on it with the tenant's rules, and saves the new state with what it
 * caused in one conditional write: the events, the shared audit trail's entries and the notifications. A
 * write that lost a race with another (a sweeper, a second handler) is retried on the fresh state, where the
 * domain checks the action again. The notifications are delivered to the inboxes right after the write.
 */
@Service
public class IssueWorkflow {

    private static final Logger log = LoggerFactory.getLogger(IssueWorkflow.class);

    private final IssueStore store;
    private final TenantRules tenantRules;
    private final Clock clock;
    private final MeterRegistry registry;
    private final AuditTrail auditTrail;
    private final Notifications notifications;

    public IssueWorkflow(IssueStore store, TenantRules tenantRules, Clock clock, MeterRegistry registry,
                         AuditTrail auditTrail, Notifications notifications) {
        this.store = store;
        this.tenantRules = tenantRules;
        this.clock = clock;
        this.registry = registry;
        this.auditTrail = auditTrail;
        this.notifications = notifications;
    }

    /** What an action sees: the issue, the tenant's rules and the instant it happens. */
    public record Step(Issue issue, TenantRules.Compiled rules, Instant now) {
    }

    /** Raises an issue; a second request with the same id returns the issue raised by the first. */
    public Mono<IssueDocument> raise(RaiseIssue cmd, String surveyResponseId) {
        return Mono.zip(tenantRules.forTenant(cmd.tenantId()), CorrelationId.current()).flatMap(t -> {
            var rules = t.getT1();
            var now = clock.instant();
            var created = Issue.raise(cmd, rules.rules(), now);
            var issue = created.issue();
            count(issue, created.events());
            return store.insert(issue, outbox(issue, IssueAuditEntries.Before.raising(), created.events(), rules, t.getT2()),
                            notices(issue, created.events(), rules), nextAlertAt(rules, issue, now), surveyResponseId, now)
                    .flatMap(d -> notifications.deliver(d).thenReturn(d))
                    .switchIfEmpty(store.find(cmd.tenantId(), cmd.issueId()).map(IssueStore.Loaded::document));
        });
    }

    /** Applies {@code action} to the issue of the tenant; 404 when the tenant has no such issue. */
    public Mono<IssueDocument> act(String tenantId, String issueId, Function<Step, List<IssueEvent>> action) {
        return act(tenantId, issueId, action, null);
    }

    public Mono<IssueDocument> act(String tenantId, String issueId, Function<Step, List<IssueEvent>> action,
                                   Consumer<Update> extra) {
        return Mono.defer(() -> Mono.zip(store.find(tenantId, issueId)
                                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("issue", issueId))),
                        tenantRules.forTenant(tenantId), CorrelationId.current())
                .flatMap(t -> {
                    var loaded = t.getT1();
                    var now = clock.instant();
                    var issue = loaded.issue();
                    var rules = t.getT2();
                    var before = IssueAuditEntries.Before.of(issue);
                    var events = action.apply(new Step(issue, rules, now));
                    count(issue, events);
                    return store.update(loaded.document(), issue, outbox(issue, before, events, rules, t.getT3()),
                            notices(issue, events, rules), nextAlertAt(rules, issue, now), now, extra);
                }))
                .retryWhen(Retry.backoff(5, Duration.ofMillis(20))
                        .filter(OptimisticLockingFailureException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .flatMap(d -> notifications.deliver(d).thenReturn(d));
    }

    private List<OutboxEntry> outbox(Issue issue, IssueAuditEntries.Before before, List<IssueEvent> events,
                                     TenantRules.Compiled rules, String correlationId) {
        var out = new ArrayList<>(IssueEventsOutbox.entries(issue, events, correlationId, rules.clock()));
        out.addAll(IssueAuditEntries.entries(auditTrail, issue, before, events, correlationId));
        return out;
    }

    private static List<Notice> notices(Issue issue, List<IssueEvent> events, TenantRules.Compiled rules) {
        return IssueNotices.of(issue, events, rules.departmentHeads());
    }

    /** When the sweeper must look next; an unknown calendar year is reported and the issue looked at again in an hour. */
    Instant nextAlertAt(TenantRules.Compiled rules, Issue issue, Instant now) {
        try {
            return rules.escalation().nextAlertAt(issue, now).orElse(null);
        } catch (UnknownCalendarYearException e) {
            registry.counter("huifang.calendar.unknown-year", "service", "feedback-service").increment();
            log.warn("Issue {}: {}", issue.id(), e.getMessage());
            return now.plus(Duration.ofHours(1));
        }
    }

    private void count(Issue issue, List<IssueEvent> events) {
        for (var e : events) {
            if (e instanceof IssueEvent.Escalated x) {
                registry.counter("huifang.issues.escalations", "tenant", issue.tenantId(), "category", issue.category(),
                        "level", x.level().name()).increment();
            } else if (e instanceof IssueEvent.SlaWarning w) {
                registry.counter("huifang.issues.sla.warnings", "tenant", issue.tenantId(), "category", issue.category(),
                        "clock", w.clock().name()).increment();
            }
        }
    }
}
