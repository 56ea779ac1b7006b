package com.huifang.feedback.issue.domain;

import com.huifang.feedback.issue.domain.IssueEvent.Closure;
import com.huifang.feedback.sla.domain.EscalationLevel;
import com.huifang.feedback.sla.domain.SlaAlert;
import com.huifang.feedback.sla.domain.SlaClock;
import com.huifang.feedback.sla.domain.SlaKind;
import com.huifang.feedback.sla.domain.SlaSubject;
import com.huifang.feedback.sla.domain.SlaTimer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An issue (问题件/投诉) and its closed loop. A plain object: each method checks the rules, changes the
 * issue, appends an audit record and returns the events it caused; on a refused request it throws an
 * {@link IssueException} and changes nothing. Time is always passed in.
 */
public final class Issue implements SlaSubject {

    private final String id;
    private final String tenantId;
    private final String category;
    private final Severity severity;
    private final IssueSource source;
    private final String description;
    private final String customerId;
    private final Optional<String> visitId;
    private final List<String> staffIds;
    private final List<Attachment> attachments;
    private final String department;
    private final String ownerQueue;
    private Optional<String> owner;
    private IssueState state;
    private EscalationLevel escalationLevel;
    private SlaTimer firstResponse;
    private SlaTimer resolution;
    private final Optional<LocalDate> latestFixDate;
    private Optional<LocalDate> fixDate;
    private Optional<String> resolutionNote;
    private final Set<SlaKind> warnedClocks;
    private boolean waitingOnCustomer;
    private int reopenCount;
    private final Instant raisedAt;
    private final List<AuditRecord> audit;

    private Issue(IssueSnapshot s) {
        id = s.id();
        tenantId = s.tenantId();
        category = s.category();
        severity = s.severity();
        source = s.source();
        description = s.description();
        customerId = s.customerId();
        visitId = s.visitId();
        staffIds = List.copyOf(s.staffIds());
        attachments = new ArrayList<>(s.attachments());
        department = s.department();
        ownerQueue = s.ownerQueue();
        owner = s.owner();
        state = s.state();
        escalationLevel = s.escalationLevel();
        firstResponse = s.firstResponse();
        resolution = s.resolution();
        latestFixDate = s.latestFixDate();
        fixDate = s.fixDate();
        resolutionNote = s.resolutionNote();
        warnedClocks = s.warnedClocks().isEmpty() ? EnumSet.noneOf(SlaKind.class) : EnumSet.copyOf(s.warnedClocks());
        waitingOnCustomer = s.waitingOnCustomer();
        reopenCount = s.reopenCount();
        raisedAt = s.raisedAt();
        audit = new ArrayList<>(s.audit());
    }

    /** Loads an issue the store saved with {@link #snapshot()}. */
    public static Issue restore(IssueSnapshot snapshot) {
        return new Issue(snapshot);
    }

    public IssueSnapshot snapshot() {
        return new IssueSnapshot(id, tenantId, category, severity, source, description, customerId, visitId, staffIds,
                attachments, department, ownerQueue, owner, state, escalationLevel, firstResponse, resolution,
                latestFixDate, fixDate, resolutionNote, warnedClocks, waitingOnCustomer, reopenCount, raisedAt, audit);
    }

    /**
     * Raises an issue: routes it (unknown category codes are rejected), checks its evidence, starts both SLA
     * clocks and, for a major issue, escalates it straight to leadership.
     *
     * @throws com.huifang.feedback.routing.domain.UnknownCategoryException unknown category code
     * @throws AttachmentRejectedException evidence over the limits
     * @throws IssueRuleViolation no description
     */
    public static NewIssue raise(RaiseIssue cmd, IssueRules rules, Instant now) {
        Objects.requireNonNull(now, "now");
        var route = rules.routing().route(cmd.categoryCode(), cmd.severity());
        var targets = rules.sla().targetsFor(cmd.categoryCode());
        if (cmd.description().isEmpty()) {
            throw new IssueRuleViolation("an issue needs a description");
        }
        rules.attachments().check(List.of(), cmd.attachments());
        var clock = rules.clock();
        var latestFix = targets.fixDateRequired() ? Optional.of(clock.latestFixDate(now)) : Optional.<LocalDate>empty();
        var issue = new Issue(new IssueSnapshot(cmd.issueId(), cmd.tenantId(), cmd.categoryCode(), cmd.severity(),
                cmd.source(), cmd.description(), cmd.customerId(), cmd.visitId(), cmd.staffIds(), cmd.attachments(),
                route.department(), route.ownerQueue(), Optional.empty(), IssueState.OPEN, EscalationLevel.NONE,
                SlaTimer.start(SlaKind.FIRST_RESPONSE, now, clock.budget(targets.firstResponse())),
                SlaTimer.start(SlaKind.RESOLUTION, now, clock.budget(targets.resolution())),
                latestFix, Optional.empty(), Optional.empty(), Set.of(), false, 0, now, List.of()));
        issue.audit.add(new AuditRecord(IssueAction.RAISE, cmd.raisedBy().id(), cmd.raisedBy().role(), now, null,
                IssueState.OPEN, cmd.source() + ": " + cmd.description()));
        var events = new ArrayList<IssueEvent>();
        events.add(new IssueEvent.Raised(issue.id, issue.tenantId, issue.customerId, issue.visitId, issue.category,
                issue.severity, issue.source, issue.department, issue.ownerQueue, issue.staffIds, now));
        if (cmd.severity() == Severity.MAJOR) {
            events.addAll(issue.escalateTo(EscalationLevel.LEADERSHIP, "major case: goes straight to leadership", now));
        }
        return new NewIssue(issue, events);
    }

    /** Gives the issue to a handler of its queue. */
    public List<IssueEvent> assign(Actor by, String newOwner, Instant now) {
        Objects.requireNonNull(newOwner, "newOwner");
        requireNotUnderReview(newOwner);
        record(IssueAction.ASSIGN, by, now, "owner " + newOwner);
        owner = Optional.of(newOwner);
        return List.of(new IssueEvent.Assigned(id, newOwner, by.id(), now));
    }

    /**
     * The first answer to the customer: stops the first-response clock. The handler becomes the owner if
     * nobody was assigned.
     */
    public List<IssueEvent> acknowledge(Actor by, String note, SlaClock clock, Instant now) {
        var to = IssueLifecycle.require(state, IssueAction.ACKNOWLEDGE);
        if (owner.isEmpty()) {
            requireNotUnderReview(by.id());
        }
        boolean met = clock.metAt(firstResponse, now);
        record(IssueAction.ACKNOWLEDGE, by, now, note);
        state = to;
        firstResponse = firstResponse.stop(now);
        if (owner.isEmpty()) {
            owner = Optional.of(by.id());
        }
        return List.of(new IssueEvent.Acknowledged(id, by.id(), met, now));
    }

    public List<IssueEvent> start(Actor by, Instant now) {
        var to = IssueLifecycle.require(state, IssueAction.START);
        record(IssueAction.START, by, now, null);
        state = to;
        return List.of(new IssueEvent.Started(id, by.id(), now));
    }

    /** The handler waits on the customer (information, access to the home…): the running SLA clocks pause. */
    public List<IssueEvent> waitOnCustomer(Actor by, String why, Instant now) {
        IssueLifecycle.require(state, IssueAction.WAIT_ON_CUSTOMER);
        requireText(why, "waiting on the customer needs a reason");
        if (waitingOnCustomer) {
            return List.of();
        }
        record(IssueAction.WAIT_ON_CUSTOMER, by, now, why);
        waitingOnCustomer = true;
        firstResponse = firstResponse.pause(now);
        resolution = resolution.pause(now);
        return List.of(new IssueEvent.WaitingOnCustomer(id, why, now));
    }

    /** The customer answered: the paused clocks run again. Nothing happens when the issue was not waiting. */
    public List<IssueEvent> customerReplied(Actor by, Instant now) {
        IssueLifecycle.require(state, IssueAction.CUSTOMER_REPLIED);
        if (!waitingOnCustomer) {
            return List.of();
        }
        record(IssueAction.CUSTOMER_REPLIED, by, now, null);
        waitingOnCustomer = false;
        firstResponse = firstResponse.resume(now);
        resolution = resolution.resume(now);
        return List.of(new IssueEvent.CustomerReplied(id, now));
    }

    /** Adds evidence; all files are refused if one breaks the policy. */
    public List<IssueEvent> attach(Actor by, List<Attachment> added, AttachmentPolicy policy, Instant now) {
        IssueLifecycle.require(state, IssueAction.ATTACH);
        policy.check(attachments, added);
        record(IssueAction.ATTACH, by, now, added.size() + " attachment(s)");
        attachments.addAll(added);
        return List.of(new IssueEvent.EvidenceAttached(id, List.copyOf(added), now));
    }

    /**
     * Resolves the issue: a resolution note is required and, for categories that require it (technical,
     * quality), a fix date no later than the next working day after the issue was raised (seed 002 §3.1.6).
     * Stops both clocks; the Resolved event makes schedule-service plan the re-contact visit.
     */
    public List<IssueEvent> resolve(Actor by, String note, Optional<LocalDate> promisedFixDate, SlaClock clock,
                                    Instant now) {
        var to = IssueLifecycle.require(state, IssueAction.RESOLVE);
        requireText(note, "resolving an issue needs a resolution note");
        Objects.requireNonNull(promisedFixDate, "promisedFixDate");
        if (latestFixDate.isPresent()) {
            var latest = latestFixDate.get();
            var date = promisedFixDate.orElseThrow(() -> new IssueRuleViolation(
                    "category " + category + " needs a fix date no later than " + latest));
            if (date.isAfter(latest)) {
                throw new IssueRuleViolation("fix date " + date + " is later than the next working day " + latest);
            }
        }
        boolean met = clock.metAt(resolution, now);
        record(IssueAction.RESOLVE, by, now, note.strip());
        state = to;
        waitingOnCustomer = false;
        firstResponse = firstResponse.stop(now);
        resolution = resolution.stop(now);
        resolutionNote = Optional.of(note.strip());
        fixDate = promisedFixDate;
        return List.of(new IssueEvent.Resolved(id, customerId, visitId, category, note.strip(), promisedFixDate, met, now));
    }

    /** The re-contact visit found the customer satisfied: the issue is confirmed (close it with {@link #close}). */
    public List<IssueEvent> confirm(Actor by, String reContactVisitId, Instant now) {
        var to = IssueLifecycle.require(state, IssueAction.CONFIRM);
        Objects.requireNonNull(reContactVisitId, "reContactVisitId");
        record(IssueAction.CONFIRM, by, now, "re-contact visit " + reContactVisitId + ": customer satisfied");
        state = to;
        return List.of(new IssueEvent.Confirmed(id, customerId, reContactVisitId, now));
    }

    /**
     * The re-contact visit found the customer not satisfied: back to work, the resolution clock runs again
     * with a new target (warned about again when it comes close).
     */
    public List<IssueEvent> reopen(Actor by, String reContactVisitId, String why, Instant now) {
        var to = IssueLifecycle.require(state, IssueAction.REOPEN);
        Objects.requireNonNull(reContactVisitId, "reContactVisitId");
        var reason = why == null || why.isBlank() ? "customer not satisfied" : why.strip();
        record(IssueAction.REOPEN, by, now, "re-contact visit " + reContactVisitId + ": " + reason);
        state = to;
        reopenCount++;
        resolution = resolution.restart(now);
        // a new resolution target: it may be warned about again
        warnedClocks.remove(SlaKind.RESOLUTION);
        resolutionNote = Optional.empty();
        fixDate = Optional.empty();
        return List.of(new IssueEvent.Reopened(id, customerId, reContactVisitId, reason, reopenCount, now));
    }

    /** The outcome of the re-contact visit in one call: confirm and close, or reopen. */
    public List<IssueEvent> recordReContact(Actor by, String reContactVisitId, boolean satisfied, String comment,
                                            Instant now) {
        if (!satisfied) {
            return reopen(by, reContactVisitId, comment, now);
        }
        IssueLifecycle.require(state, IssueAction.CONFIRM);
        var events = new ArrayList<IssueEvent>(confirm(by, reContactVisitId, now));
        events.addAll(close(by, now));
        return events;
    }

    /** Closes a confirmed issue. */
    public List<IssueEvent> close(Actor by, Instant now) {
        var to = IssueLifecycle.require(state, IssueAction.CLOSE);
        record(IssueAction.CLOSE, by, now, "confirmed by the customer");
        state = to;
        return List.of(new IssueEvent.Closed(id, customerId, Closure.CONFIRMED, now));
    }

    /**
     * A supervisor (or above) closes the issue without the customer's confirmation — unreachable customer,
     * duplicate, out of scope — with a reason that stays in the audit trail.
     */
    public List<IssueEvent> waive(Actor by, String reason, Instant now) {
        var to = IssueLifecycle.require(state, IssueAction.WAIVE);
        if (!by.role().supervises()) {
            throw new IssueRuleViolation("only a supervisor, department head or leadership may waive; "
                    + by.id() + " acted as " + by.role());
        }
        requireText(reason, "waiving needs a reason");
        record(IssueAction.WAIVE, by, now, reason.strip());
        state = to;
        waitingOnCustomer = false;
        firstResponse = firstResponse.stop(now);
        resolution = resolution.stop(now);
        return List.of(new IssueEvent.Waived(id, by.id(), by.role(), reason.strip(), now),
                new IssueEvent.Closed(id, customerId, Closure.WAIVED, now));
    }

    /**
     * Applies what {@link com.huifang.feedback.sla.domain.EscalationPolicy#due} found. Idempotent: a warning
     * already sent or a level already reached returns no event, so a sweeper may apply the same alert twice.
     */
    public List<IssueEvent> apply(SlaAlert alert, Instant now) {
        if (alert instanceof SlaAlert.Warning w) {
            if (warnedClocks.contains(w.clock()) || IssueLifecycle.target(state, IssueAction.WARN).isEmpty()) {
                return List.of();
            }
            record(IssueAction.WARN, Actor.system(), now, w.clock() + " due " + w.due().map(Instant::toString).orElse("(paused)"));
            warnedClocks.add(w.clock());
            return List.of(new IssueEvent.SlaWarning(id, w.clock(), w.due(), now));
        }
        var e = (SlaAlert.Escalation) alert;
        if (!e.level().isAbove(escalationLevel) || IssueLifecycle.target(state, IssueAction.ESCALATE).isEmpty()) {
            return List.of();
        }
        return escalateTo(e.level(), e.reason(), now);
    }

    /** Applies several alerts in order, e.g. all those one sweep found. */
    public List<IssueEvent> applyAll(List<? extends SlaAlert> alerts, Instant now) {
        var events = new ArrayList<IssueEvent>();
        alerts.forEach(a -> events.addAll(apply(a, now)));
        return events;
    }

    private List<IssueEvent> escalateTo(EscalationLevel level, String reason, Instant now) {
        record(IssueAction.ESCALATE, Actor.system(), now, level + ": " + reason);
        escalationLevel = level;
        return List.of(new IssueEvent.Escalated(id, customerId, level, reason, now));
    }

    private void record(IssueAction action, Actor by, Instant now, String why) {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(now, "now");
        var to = IssueLifecycle.require(state, action);
        audit.add(new AuditRecord(action, by.id(), by.role(), now, state, to, why));
    }

    /** A quality-review issue concerns its agent: that agent may never own (handle) it. */
    private void requireNotUnderReview(String userId) {
        if (source == IssueSource.QUALITY_REVIEW && staffIds.contains(userId)) {
            throw new IssueRuleViolation("a quality-review issue is never handled by the agent it concerns");
        }
    }

    private static void requireText(String text, String message) {
        if (text == null || text.isBlank()) {
            throw new IssueRuleViolation(message);
        }
    }

    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public String category() { return category; }
    public Severity severity() { return severity; }
    public IssueSource source() { return source; }
    public String description() { return description; }
    public String customerId() { return customerId; }
    public Optional<String> visitId() { return visitId; }
    public List<String> staffIds() { return staffIds; }
    public List<Attachment> attachments() { return List.copyOf(attachments); }
    public String department() { return department; }
    public String ownerQueue() { return ownerQueue; }
    public Optional<String> owner() { return owner; }
    public IssueState state() { return state; }
    public SlaTimer firstResponse() { return firstResponse; }
    public SlaTimer resolution() { return resolution; }
    public Optional<LocalDate> latestFixDate() { return latestFixDate; }
    public Optional<LocalDate> fixDate() { return fixDate; }
    public Optional<String> resolutionNote() { return resolutionNote; }
    public boolean waitingOnCustomer() { return waitingOnCustomer; }
    public int reopenCount() { return reopenCount; }
    public Instant raisedAt() { return raisedAt; }
    public List<AuditRecord> audit() { return List.copyOf(audit); }

    /** The actions allowed now (for a UI, and for the 409 response). */
    public Set<IssueAction> allowedActions() {
        return IssueLifecycle.allowed(state);
    }

    @Override
    public List<SlaTimer> slaTimers() {
        return List.of(firstResponse, resolution);
    }

    @Override
    public EscalationLevel escalationLevel() {
        return escalationLevel;
    }

    @Override
    public Set<SlaKind> warnedClocks() {
        return Set.copyOf(warnedClocks);
    }
}
