package com.huifang.schedule.visit.domain;

import com.huifang.calendar.DailyWindows;
import com.huifang.calendar.WorkingCalendar;
import com.huifang.schedule.plan.domain.CallingTimes;
import com.huifang.schedule.plan.domain.Channel;
import com.huifang.schedule.plan.domain.Rung;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One planned follow-up of one customer (回访任务): state, channel ladder position and attempts.
 * A plain object; each method returns the events it causes, and raises
 * {@link IllegalVisitTransitionException} (or {@link VisitRuleException}) when the rules forbid it.
 */
public final class Visit {

    private final String id;
    private final String planId;
    private final int planVersion;
    private final String stage;
    private final int occurrence;
    private final String serviceEventId;
    private final String caseRef;
    private final String customerId;
    private final String surveyTemplateId;
    private Instant earliestAt;
    private Instant dueAt;
    private Instant deadlineAt;
    private final int priority;
    private boolean deadlineAtRisk;
    private List<Rung> ladder;
    private DailyWindows windows;
    private final boolean allowNonWorkingDays;
    private final List<String> staffIds;
    private VisitState state;
    private int rungIndex;
    private int countedOnRung;
    private final List<Attempt> attempts;
    private Instant nextAttemptAt;
    private Instant callbackAt;
    private String callbackAgentId;
    private String assigneeId;
    private Instant endedAt;
    private String endReason;

    private Visit(VisitSnapshot s) {
        this.id = s.id();
        this.planId = s.planId();
        this.planVersion = s.planVersion();
        this.stage = s.stage();
        this.occurrence = s.occurrence();
        this.serviceEventId = s.serviceEventId();
        this.caseRef = s.caseRef();
        this.customerId = s.customerId();
        this.surveyTemplateId = s.surveyTemplateId();
        this.earliestAt = s.earliestAt();
        this.dueAt = s.dueAt();
        this.deadlineAt = s.deadlineAt();
        this.priority = s.priority();
        this.deadlineAtRisk = s.deadlineAtRisk();
        this.ladder = s.ladder();
        this.windows = s.windows();
        this.allowNonWorkingDays = s.allowNonWorkingDays();
        this.staffIds = s.staffIds();
        this.state = s.state();
        this.rungIndex = s.rungIndex();
        this.countedOnRung = s.countedOnRung();
        this.attempts = new ArrayList<>(s.attempts());
        this.nextAttemptAt = s.nextAttemptAt();
        this.callbackAt = s.callbackAt();
        this.callbackAgentId = s.callbackAgentId();
        this.assigneeId = s.assigneeId();
        this.endedAt = s.endedAt();
        this.endReason = s.endReason();
    }

    /** A new visit and its {@link VisitEvent.Planned} event. */
    public record Created(Visit visit, List<VisitEvent> events) {
    }

    /** Creates a visit from the planner's decision. A spec with an empty ladder is refused at once. */
    public static Created plan(String visitId, PlannedVisit spec, String assigneeId) {
        if (spec.ladder().isEmpty()) {
            return refusedAtPlanning(visitId, spec, spec.earliestAt());
        }
        Visit v = new Visit(new VisitSnapshot(visitId, spec.planId(), spec.planVersion(), spec.stage(), spec.occurrence(),
                spec.serviceEventId(), spec.caseRef(), spec.customerId(), spec.surveyTemplateId(), spec.earliestAt(),
                spec.dueAt(), spec.deadlineAt(), spec.priority(), spec.deadlineAtRisk(), spec.ladder(), spec.windows(),
                spec.allowNonWorkingDays(), spec.staffIds(), VisitState.PLANNED, 0, 0, List.of(), spec.dueAt(), null, null,
                assigneeId, null, null));
        return new Created(v, List.of(v.plannedEvent()));
    }

    /**
     * A customer who refuses all contact gets none and counts as refused, not as a failure: the
     * visit is stored REFUSED at once (Planned then Ended(REFUSED)), so reports see it.
     */
    public static Created refusedAtPlanning(String visitId, PlannedVisit spec, Instant at) {
        Visit v = new Visit(new VisitSnapshot(visitId, spec.planId(), spec.planVersion(), spec.stage(), spec.occurrence(),
                spec.serviceEventId(), spec.caseRef(), spec.customerId(), spec.surveyTemplateId(), spec.earliestAt(),
                spec.dueAt(), spec.deadlineAt(), spec.priority(), spec.deadlineAtRisk(), List.of(), spec.windows(),
                spec.allowNonWorkingDays(), spec.staffIds(), VisitState.PLANNED, 0, 0, List.of(), null, null, null,
                null, null, null));
        List<VisitEvent> events = new ArrayList<>();
        events.add(v.plannedEvent());
        events.addAll(v.end(VisitState.REFUSED, at, null, "customer refuses contact"));
        return new Created(v, events);
    }

    public static Visit restore(VisitSnapshot snapshot) {
        return new Visit(snapshot);
    }

    public VisitSnapshot snapshot() {
        return new VisitSnapshot(id, planId, planVersion, stage, occurrence, serviceEventId, caseRef, customerId,
                surveyTemplateId, earliestAt, dueAt, deadlineAt, priority, deadlineAtRisk, ladder, windows,
                allowNonWorkingDays, staffIds, state, rungIndex, countedOnRung, attempts, nextAttemptAt, callbackAt,
                callbackAgentId, assigneeId, endedAt, endReason);
    }

    // ------------------------------------------------------------------ behaviour

    /** The sweeper found it due: PLANNED → DUE, once. */
    public List<VisitEvent> markDue(Instant now) {
        if (state == VisitState.PLANNED && now.isBefore(dueAt)) {
            throw new VisitRuleException("visit " + id + " is not due before " + dueAt);
        }
        moveTo(VisitState.DUE);
        return List.of(new VisitEvent.Due(id, customerId, planId, surveyTemplateId, dueAt, deadlineAt, currentChannel(),
                priority, assigneeId));
    }

    /**
     * Records one try and applies the plan's retry rules: reached → COMPLETED; refused → REFUSED;
     * call back later → the customer's time is booked (the calling agent owns it); inconvenient →
     * another time of day, not counted; no answer / busy / powered off → counted (a phone that
     * rang under the rung's minimum is not), next try per the rung's spacing, and after the rung's
     * attempts the next rung; wrong number → next rung; ladder exhausted → FAILED.
     */
    public List<VisitEvent> recordAttempt(Attempt attempt, WorkingCalendar calendar) {
        if (state == VisitState.PLANNED && attempt.at().isBefore(earliestAt)) {
            throw new VisitRuleException("visit " + id + " may not be made before " + earliestAt);
        }
        if (!state.isOpen()) {
            throw new IllegalVisitTransitionException(id, state, VisitState.IN_PROGRESS);
        }
        Rung rung = currentRung();
        if (attempt.channel() != rung.channel()) {
            throw new VisitRuleException("visit " + id + " is on rung " + rung.channel() + ", not " + attempt.channel());
        }
        if (state != VisitState.IN_PROGRESS) {
            moveTo(VisitState.IN_PROGRESS);
        }
        attempts.add(attempt);
        boolean counted = counts(attempt, rung);
        List<VisitEvent> events = new ArrayList<>();
        events.add(new VisitEvent.Attempted(id, customerId, planId, attempts.size(), attempt.channel(), attempt.outcome(),
                attempt.ringSeconds(), attempt.durationSeconds(), attempt.agentId(), attempt.at(), counted,
                attempt.recordingRef()));
        CallingTimes times = new CallingTimes(calendar, windows, allowNonWorkingDays);
        callbackAt = null;
        callbackAgentId = null;
        switch (attempt.outcome()) {
            case REACHED -> events.addAll(end(VisitState.COMPLETED, attempt.at(), attempt.agentId(), "reached"));
            case REFUSED -> events.addAll(end(VisitState.REFUSED, attempt.at(), attempt.agentId(), "customer refused the visit"));
            case CALL_BACK_LATER -> {
                callbackAt = attempt.callBackAt();
                callbackAgentId = attempt.agentId();
                nextAttemptAt = callbackAt;
                events.add(new VisitEvent.Rescheduled(id, customerId, nextAttemptAt, rung.channel(),
                        "customer asked to be called back", callbackAgentId));
            }
            case INCONVENIENT -> reschedule(times.nextSlotInAnotherWindow(attempt.at()), "inconvenient: another time of day", events);
            case WRONG_NUMBER -> nextRung(attempt, times, "wrong number", events);
            case NO_ANSWER, BUSY, POWERED_OFF -> {
                if (!counted) {
                    reschedule(attempt.at(), "rang " + attempt.ringSeconds() + " s < " + rung.minRingSeconds()
                            + " s: does not count, dial again", events);
                } else if (++countedOnRung >= rung.attempts()) {
                    nextRung(attempt, times, rung.channel() + " tried " + countedOnRung + " times", events);
                } else {
                    Instant next = switch (rung.spacing()) {
                        case ANOTHER_TIME_OF_DAY -> times.nextSlotInAnotherWindow(attempt.at());
                        case NEXT_WORKING_DAY -> times.firstSlotOfNextDay(attempt.at());
                        case NEXT_WINDOW -> times.nextSlotInAnotherWindow(attempt.at());
                    };
                    reschedule(next, attempt.outcome() + ": try " + (countedOnRung + 1) + " of " + rung.attempts()
                            + " at another time", events);
                }
            }
        }
        return events;
    }

    /**
     * Applies a consent change at once: refusing all contact ends the visit REFUSED; refused
     * channels leave the remaining ladder (calls refused → SMS/e-mail link); nothing left → REFUSED.
     * An ended visit is left alone.
     */
    public List<VisitEvent> applyConsent(Consent consent, Instant at) {
        if (!state.isOpen()) {
            return List.of();
        }
        if (consent.doNotContact()) {
            return end(VisitState.REFUSED, at, null, "customer refuses all contact");
        }
        List<Rung> remaining = ladder.subList(rungIndex, ladder.size());
        List<Rung> allowed = consent.ladder(remaining);
        if (allowed.isEmpty()) {
            return end(VisitState.REFUSED, at, null, "customer refuses every remaining channel");
        }
        if (allowed.equals(remaining)) {
            return List.of();
        }
        Rung before = currentRung();
        List<Rung> updated = new ArrayList<>(ladder.subList(0, rungIndex));
        updated.addAll(allowed);
        ladder = List.copyOf(updated);
        if (!currentRung().equals(before)) {
            countedOnRung = 0;
            callbackAt = null;
            callbackAgentId = null;
        }
        if (nextAttemptAt != null && nextAttemptAt.isBefore(at)) {
            nextAttemptAt = at;
        }
        return List.of(new VisitEvent.Rescheduled(id, customerId, nextAttemptAt, currentChannel(),
                "consent changed: ladder " + ladder.subList(rungIndex, ladder.size()).stream().map(r -> r.channel().name()).toList(),
                null));
    }

    /** Whether the visit may still be re-planned: PLANNED, never tried, no call-back booked. */
    public boolean replannable() {
        return state == VisitState.PLANNED && attempts.isEmpty() && callbackAt == null;
    }

    /**
     * Takes the rule engine's new timing for a visit nobody has started (the customer's preferred
     * hours, channel or zone changed after planning): earliest, due and deadline times, ladder and
     * windows; the same id, plan, stage, priority and assignee. Nothing (no event) when the timing,
     * ladder and windows come out the same.
     *
     * @param revision the cause of the re-plan, unique per cause (keys the re-plan's event id)
     */
    public List<VisitEvent> replan(PlannedVisit spec, String revision, String reason) {
        if (!replannable()) {
            throw new VisitRuleException("visit " + id + " is " + state + (attempts.isEmpty() ? "" : " with attempts")
                    + (callbackAt == null ? "" : " with a booked call-back") + ": it cannot be re-planned");
        }
        if (spec.ladder().isEmpty()) {
            throw new VisitRuleException("visit " + id + ": a re-plan needs a channel");
        }
        if (spec.earliestAt().equals(earliestAt) && spec.dueAt().equals(dueAt)
                && java.util.Objects.equals(spec.deadlineAt(), deadlineAt) && spec.deadlineAtRisk() == deadlineAtRisk
                && spec.ladder().equals(ladder) && java.util.Objects.equals(spec.windows(), windows)) {
            return List.of(); // the new preferences change nothing of this visit
        }
        earliestAt = spec.earliestAt();
        dueAt = spec.dueAt();
        deadlineAt = spec.deadlineAt();
        deadlineAtRisk = spec.deadlineAtRisk();
        ladder = spec.ladder();
        windows = spec.windows();
        rungIndex = 0;
        countedOnRung = 0;
        nextAttemptAt = dueAt;
        return List.of(new VisitEvent.Replanned(plannedEvent(), revision, reason));
    }

    /** Cancels an open visit (policy withdrawn before the visit, case closed…). */
    public List<VisitEvent> cancel(String reason, Instant at) {
        return end(VisitState.CANCELLED, at, null, reason);
    }

    /** Replaced by a re-planned visit of the same case and stage ("completion slipped"). */
    public List<VisitEvent> supersede(Instant at) {
        return cancel("re-planned", at);
    }

    /** Gives the visit to another agent (assignment, absence, a released call-back). */
    public List<VisitEvent> assignTo(String agentId, String reason, Instant at) {
        if (!state.isOpen()) {
            throw new VisitRuleException("visit " + id + " has ended (" + state + "): it cannot be reassigned");
        }
        String from = assigneeId;
        assigneeId = agentId;
        return List.of(new VisitEvent.Reassigned(id, customerId, from, agentId, reason, at));
    }

    /**
     * An absent agent's visit handed to a colleague who has room only in a later calling window: the
     * colleague gets it and its next try moves to that window's start ({@code tryFrom}); a time not
     * after the current next try leaves the time as it is.
     */
    public List<VisitEvent> handOver(String agentId, Instant tryFrom, String reason, Instant at) {
        List<VisitEvent> events = new ArrayList<>(assignTo(agentId, reason, at));
        Instant current = nextAttemptAt != null ? nextAttemptAt : dueAt;
        if (tryFrom != null && tryFrom.isAfter(current)) {
            reschedule(tryFrom, reason, events);
        }
        return events;
    }

    // ------------------------------------------------------------------ internals

    private boolean counts(Attempt a, Rung rung) {
        return switch (a.outcome()) {
            case NO_ANSWER -> !rung.channel().isPhone() || a.ringSeconds() != null && a.ringSeconds() >= rung.minRingSeconds();
            case BUSY, POWERED_OFF, WRONG_NUMBER, REACHED, REFUSED -> true;
            case CALL_BACK_LATER, INCONVENIENT -> false;
        };
    }

    private void nextRung(Attempt attempt, CallingTimes times, String why, List<VisitEvent> events) {
        rungIndex++;
        countedOnRung = 0;
        if (rungIndex >= ladder.size()) {
            rungIndex = ladder.size() - 1;
            events.addAll(end(VisitState.FAILED, attempt.at(), attempt.agentId(), why + ": channel ladder exhausted"));
            return;
        }
        reschedule(times.firstSlotOnOrAfter(attempt.at()), why + " → next rung " + currentRung().channel(), events);
    }

    private void reschedule(Instant next, String reason, List<VisitEvent> events) {
        nextAttemptAt = next;
        events.add(new VisitEvent.Rescheduled(id, customerId, next, currentChannel(), reason, null));
    }

    private List<VisitEvent> end(VisitState result, Instant at, String agentId, String reason) {
        moveTo(result);
        endedAt = at;
        endReason = reason;
        nextAttemptAt = null;
        callbackAt = null;
        callbackAgentId = null;
        boolean onTime = result == VisitState.COMPLETED && (deadlineAt == null || !at.isAfter(deadlineAt));
        return List.of(new VisitEvent.Ended(id, customerId, planId, result, currentChannel(),
                agentId != null ? agentId : assigneeId, at, deadlineAt, onTime, attempts.size(), reason));
    }

    private void moveTo(VisitState next) {
        if (!state.allowedNext().contains(next)) {
            throw new IllegalVisitTransitionException(id, state, next);
        }
        state = next;
    }

    private VisitEvent.Planned plannedEvent() {
        return new VisitEvent.Planned(id, customerId, planId, planVersion, stage, serviceEventId, surveyTemplateId,
                earliestAt, dueAt, deadlineAt, currentChannel(), priority, assigneeId, deadlineAtRisk);
    }

    private Rung currentRung() {
        return ladder.get(rungIndex);
    }

    // ------------------------------------------------------------------ reading

    public String id() {
        return id;
    }

    public String planId() {
        return planId;
    }

    public int planVersion() {
        return planVersion;
    }

    public String stage() {
        return stage;
    }

    public int occurrence() {
        return occurrence;
    }

    public String serviceEventId() {
        return serviceEventId;
    }

    public String caseRef() {
        return caseRef;
    }

    public String customerId() {
        return customerId;
    }

    public String surveyTemplateId() {
        return surveyTemplateId;
    }

    public Instant earliestAt() {
        return earliestAt;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant deadlineAt() {
        return deadlineAt;
    }

    public int priority() {
        return priority;
    }

    public boolean deadlineAtRisk() {
        return deadlineAtRisk;
    }

    /** The current ladder (after consent changes); {@link #currentChannel()} is its rung in use. */
    public List<Rung> ladder() {
        return ladder;
    }

    public DailyWindows windows() {
        return windows;
    }

    public boolean allowNonWorkingDays() {
        return allowNonWorkingDays;
    }

    public List<String> staffIds() {
        return staffIds;
    }

    public VisitState state() {
        return state;
    }

    public boolean isOpen() {
        return state.isOpen();
    }

    /** The channel of the rung in use; null for a visit refused at planning. */
    public Channel currentChannel() {
        return ladder.isEmpty() ? null : ladder.get(Math.min(rungIndex, ladder.size() - 1)).channel();
    }

    public int countedOnRung() {
        return countedOnRung;
    }

    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** When the next try is due (retries, call-backs); null once ended. */
    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant callbackAt() {
        return callbackAt;
    }

    public String callbackAgentId() {
        return callbackAgentId;
    }

    public String assigneeId() {
        return assigneeId;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public String endReason() {
        return endReason;
    }
}
