package com.huifang.schedule.visit.store;

import com.huifang.calendar.DailyWindows;
import com.huifang.calendar.TimeWindow;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.events.VisitAttempted;
import com.huifang.contracts.events.VisitCompleted;
import com.huifang.contracts.events.VisitDue;
import com.huifang.contracts.events.VisitPlanned;
import com.huifang.platform.messaging.OutboxEntry;
import com.huifang.schedule.plan.domain.Channel;
import com.huifang.schedule.visit.domain.Attempt;
import com.huifang.schedule.visit.domain.AttemptOutcome;
import com.huifang.schedule.visit.domain.Visit;
import com.huifang.schedule.visit.domain.VisitEvent;
import com.huifang.schedule.visit.domain.VisitSnapshot;
import com.huifang.schedule.visit.domain.VisitState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Between the {@link Visit} aggregate and its document, and from its events to outbox entries. */
public final class VisitMapping {

    private VisitMapping() {
    }

    public static Visit toVisit(VisitDocument d) {
        List<Attempt> attempts = d.attempts.stream().map(a -> new Attempt(Channel.valueOf(a.channel()), a.at(),
                AttemptOutcome.valueOf(a.outcome()), a.callBackAt(), a.ringSeconds(), a.durationSeconds(),
                a.recordingRef(), a.notes(), a.agentId())).toList();
        return Visit.restore(new VisitSnapshot(d.id, d.planId, d.planVersion, d.stage, d.occurrence, d.serviceEventId,
                d.caseRef, d.customerId, d.surveyTemplateId, d.earliestAt, d.dueAt, d.deadlineAt, d.priority,
                d.deadlineAtRisk, d.ladder, windows(d.windows), d.allowNonWorkingDays, d.staffIds,
                VisitState.valueOf(d.state), d.rungIndex, d.countedOnRung, attempts, d.nextAttemptAt, d.callbackAt,
                d.callbackAgentId, d.assigneeId, d.closedAt, d.endReason));
    }

    /** Copies the aggregate's state onto the document (adapter-only fields are kept). */
    public static VisitDocument copy(Visit visit, VisitDocument d) {
        VisitSnapshot s = visit.snapshot();
        d.id = s.id();
        d.planId = s.planId();
        d.planVersion = s.planVersion();
        d.stage = s.stage();
        d.occurrence = s.occurrence();
        d.serviceEventId = s.serviceEventId();
        d.caseRef = s.caseRef();
        d.customerId = s.customerId();
        d.surveyTemplateId = s.surveyTemplateId();
        d.earliestAt = s.earliestAt();
        d.dueAt = s.dueAt();
        d.deadlineAt = s.deadlineAt();
        d.priority = s.priority();
        d.deadlineAtRisk = s.deadlineAtRisk();
        d.ladder = new ArrayList<>(s.ladder());
        d.channel = visit.currentChannel() == null ? null : visit.currentChannel().name();
        d.windows = s.windows() == null ? null : s.windows().windows().stream().map(TimeWindow::toString)
                .collect(Collectors.joining(", "));
        d.allowNonWorkingDays = s.allowNonWorkingDays();
        d.staffIds = new ArrayList<>(s.staffIds());
        d.state = s.state().name();
        d.rungIndex = s.rungIndex();
        d.countedOnRung = s.countedOnRung();
        List<AttemptRecord> attempts = new ArrayList<>();
        for (int i = 0; i < s.attempts().size(); i++) {
            Attempt a = s.attempts().get(i);
            attempts.add(new AttemptRecord(i + 1, a.channel().name(), a.outcome().name(), a.callBackAt(), a.ringSeconds(),
                    a.durationSeconds(), a.recordingRef(), a.notes(), a.agentId(), a.at()));
        }
        d.attempts = attempts;
        d.nextAttemptAt = s.nextAttemptAt();
        d.callbackAt = s.callbackAt();
        d.callbackAgentId = s.callbackAgentId();
        d.assigneeId = s.assigneeId();
        d.closedAt = s.endedAt();
        d.endReason = s.endReason();
        d.result = s.state().isOpen() ? null : s.state().name();
        return d;
    }

    /** Appends the contract events of {@code events} to the document's outbox, with deterministic ids. */
    public static void publish(VisitDocument d, List<VisitEvent> events, String correlationId, Instant now) {
        for (VisitEvent e : events) {
            if (e instanceof VisitEvent.Planned p) {
                d.outbox.add(entry(eventId("VisitPlanned", p.visitId()),
                        new VisitPlanned(p.visitId(), p.customerId(), p.planId(), p.planVersion(), p.stage(),
                                p.serviceEventId(), p.surveyTemplateId(), p.earliestAt(), p.dueAt(), p.deadlineAt(),
                                name(p.channel()), p.priority(), p.assigneeId(), p.deadlineAtRisk()), d, correlationId, now));
            } else if (e instanceof VisitEvent.Replanned r) {
                // the same visit planned again: a new event id per cause, so consumers see it (and keep the latest)
                VisitEvent.Planned p = r.planned();
                d.outbox.add(entry(eventId("VisitPlanned", p.visitId(), r.revision()),
                        new VisitPlanned(p.visitId(), p.customerId(), p.planId(), p.planVersion(), p.stage(),
                                p.serviceEventId(), p.surveyTemplateId(), p.earliestAt(), p.dueAt(), p.deadlineAt(),
                                name(p.channel()), p.priority(), p.assigneeId(), p.deadlineAtRisk()), d, correlationId, now));
            } else if (e instanceof VisitEvent.Due due) {
                d.outbox.add(entry(eventId("VisitDue", due.visitId()),
                        new VisitDue(due.visitId(), due.customerId(), due.planId(), due.surveyTemplateId(), due.dueAt(),
                                due.deadlineAt(), name(due.channel()), due.priority(), due.assigneeId()), d, correlationId, now));
            } else if (e instanceof VisitEvent.Attempted a) {
                d.outbox.add(entry(eventId("VisitAttempted", a.visitId(), a.attemptNo()),
                        new VisitAttempted(a.visitId(), a.customerId(), a.planId(), a.attemptNo(), name(a.channel()),
                                a.outcome().name(), a.ringSeconds(), a.durationSeconds(), a.agentId(), a.attemptedAt(),
                                a.recordingRef()),
                        d, correlationId, now));
            } else if (e instanceof VisitEvent.Ended x) {
                d.outbox.add(entry(eventId("VisitCompleted", x.visitId()),
                        new VisitCompleted(x.visitId(), x.customerId(), x.planId(), x.result().name(), name(x.channel()),
                                x.agentId(), x.endedAt(), x.deadlineAt(), x.onTime(), x.attempts()), d, correlationId, now));
            }
            // Rescheduled and Reassigned only change the document, which worklists read
        }
    }

    private static OutboxEntry entry(UUID id, com.huifang.contracts.HuifangEvent payload, VisitDocument d,
                                     String correlationId, Instant now) {
        return OutboxEntry.of(EventJson.envelope(id, payload, d.tenantId, correlationId, now));
    }

    private static String name(Channel c) {
        return c == null ? null : c.name();
    }

    public static DailyWindows windows(String text) {
        return text == null || text.isBlank() ? null : DailyWindows.parse(text);
    }

    /** Deterministic event ids: re-emitting the same fact yields the same id, which consumers ignore. */
    public static UUID eventId(String type, String visitId, Object... parts) {
        StringBuilder key = new StringBuilder(type).append(':').append(visitId);
        for (Object p : parts) {
            key.append(':').append(p);
        }
        return UUID.nameUUIDFromBytes(key.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Deterministic visit ids from what caused the visit. */
    public static String visitId(Object... parts) {
        StringBuilder key = new StringBuilder("visit");
        for (Object p : parts) {
            key.append(':').append(p);
        }
        return UUID.nameUUIDFromBytes(key.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }
}
