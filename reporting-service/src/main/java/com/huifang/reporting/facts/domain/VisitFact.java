package com.huifang.reporting.facts.domain;

import com.huifang.contracts.events.IssueRaised;
import com.huifang.contracts.events.SurveySubmitted;
import com.huifang.contracts.events.VisitAttempted;
import com.huifang.contracts.events.VisitCompleted;
import com.huifang.contracts.events.VisitDue;
import com.huifang.contracts.events.VisitPlanned;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything reporting knows about one visit, built by applying its events in any order, any number
 * of times. Each slot is set by one kind of event and keeps the latest version of it
 * ({@link Versioned}); attempts keep the highest attempt number and issues the set of issue ids, so
 * {@link #apply} is idempotent and order-independent: a replay of the topics gives the same fact.
 *
 * @param planned   latest VisitPlanned
 * @param due       latest VisitDue (wins over planned for due time, deadline, channel, assignee)
 * @param completed latest VisitCompleted
 * @param survey    latest SurveySubmitted for this visit
 * @param maxAttemptNo highest attempt number seen (0: none)
 * @param issueIds  issues raised from this visit
 * @param erased    the customer's erasure was honoured: free text (comments, flag note) is dropped and
 *                  stays dropped whatever arrives later
 */
public record VisitFact(
        String tenantId,
        String visitId,
        Versioned<VisitPlanned> planned,
        Versioned<VisitDue> due,
        Versioned<VisitCompleted> completed,
        Versioned<SurveySubmitted> survey,
        int maxAttemptNo,
        Set<String> issueIds,
        boolean erased) {

    public VisitFact {
        issueIds = issueIds == null ? Set.of() : Set.copyOf(issueIds);
        if (erased && survey != null && (!isEmpty(survey.value().comments()) || survey.value().flagNote() != null)) {
            SurveySubmitted s = survey.value();
            survey = new Versioned<>(survey.occurredAt(), survey.eventId(), new SurveySubmitted(s.responseId(),
                    s.visitId(), s.customerId(), s.planId(), s.templateId(), s.templateVersion(), s.agentId(),
                    s.channel(), s.submittedAt(), s.rating(), s.satisfied(), s.nps(), s.npsClass(),
                    s.problemQuestionIds(), s.flagged(), null, List.of(), s.raisesIssue()));
        }
    }

    private static boolean isEmpty(List<String> list) {
        return list == null || list.isEmpty();
    }

    public static VisitFact empty(String tenantId, String visitId) {
        return new VisitFact(tenantId, visitId, null, null, null, null, 0, Set.of(), false);
    }

    /** This fact with the customer's free text dropped, for good (CustomerErased). */
    public VisitFact erase() {
        return erased ? this : new VisitFact(tenantId, visitId, planned, due, completed, survey, maxAttemptNo, issueIds, true);
    }

    /** The visit id an event is about, or null when the event does not concern a visit fact. */
    public static String visitIdOf(AppliedEvent event) {
        Object p = event.payload();
        if (p instanceof VisitPlanned e) {
            return e.visitId();
        } else if (p instanceof VisitDue e) {
            return e.visitId();
        } else if (p instanceof VisitAttempted e) {
            return e.visitId();
        } else if (p instanceof VisitCompleted e) {
            return e.visitId();
        } else if (p instanceof SurveySubmitted e) {
            return e.visitId();
        } else if (p instanceof IssueRaised e) {
            return e.visitId();
        }
        return null;
    }

    /**
     * This fact with the event applied. Applying an event twice, or events in another order, gives
     * an equal fact.
     *
     * @throws IllegalArgumentException when the event is not about this visit of this tenant
     */
    public VisitFact apply(AppliedEvent event) {
        if (!tenantId.equals(event.tenantId()) || !visitId.equals(visitIdOf(event))) {
            throw new IllegalArgumentException("Event " + event.eventId() + " is not about visit " + visitId);
        }
        Object p = event.payload();
        if (p instanceof VisitPlanned e) {
            return new VisitFact(tenantId, visitId, Versioned.latest(planned, event.versioned(e)), due, completed,
                    survey, maxAttemptNo, issueIds, erased);
        } else if (p instanceof VisitDue e) {
            return new VisitFact(tenantId, visitId, planned, Versioned.latest(due, event.versioned(e)), completed,
                    survey, maxAttemptNo, issueIds, erased);
        } else if (p instanceof VisitAttempted e) {
            return new VisitFact(tenantId, visitId, planned, due, completed, survey,
                    Math.max(maxAttemptNo, Math.max(1, e.attemptNo())), issueIds, erased);
        } else if (p instanceof VisitCompleted e) {
            return new VisitFact(tenantId, visitId, planned, due, Versioned.latest(completed, event.versioned(e)),
                    survey, maxAttemptNo, issueIds, erased);
        } else if (p instanceof SurveySubmitted e) {
            return new VisitFact(tenantId, visitId, planned, due, completed, Versioned.latest(survey, event.versioned(e)),
                    maxAttemptNo, issueIds, erased);
        } else if (p instanceof IssueRaised e) {
            if (issueIds.contains(e.issueId())) {
                return this;
            }
            Set<String> ids = new TreeSet<>(issueIds);
            ids.add(e.issueId());
            return new VisitFact(tenantId, visitId, planned, due, completed, survey, maxAttemptNo, ids, erased);
        }
        throw new IllegalArgumentException("Not a visit event: " + p.getClass().getSimpleName());
    }

    // ---- derived figures -------------------------------------------------------------------

    public String customerId() {
        if (planned != null) {
            return planned.value().customerId();
        }
        if (due != null) {
            return due.value().customerId();
        }
        return completed == null ? null : completed.value().customerId();
    }

    public String planId() {
        if (due != null && due.value().planId() != null) {
            return due.value().planId();
        }
        if (planned != null && planned.value().planId() != null) {
            return planned.value().planId();
        }
        return completed == null ? null : completed.value().planId();
    }

    public String serviceEventId() {
        return planned == null ? null : planned.value().serviceEventId();
    }

    /** When the visit falls due; null while neither VisitPlanned nor VisitDue was seen (not reportable yet). */
    public Instant dueAt() {
        if (due != null && due.value().dueAt() != null) {
            return due.value().dueAt();
        }
        return planned == null ? null : planned.value().dueAt();
    }

    public Instant deadlineAt() {
        if (completed != null && completed.value().deadlineAt() != null) {
            return completed.value().deadlineAt();
        }
        if (due != null && due.value().deadlineAt() != null) {
            return due.value().deadlineAt();
        }
        return planned == null ? null : planned.value().deadlineAt();
    }

    /** The channel it ended on, else the one it was due on, else the planned one. */
    public String channel() {
        if (completed != null && completed.value().channel() != null) {
            return completed.value().channel();
        }
        if (due != null && due.value().channel() != null) {
            return due.value().channel();
        }
        return planned == null ? null : planned.value().channel();
    }

    /** The agent who ended it, else the assignee. */
    public String agentId() {
        if (completed != null && completed.value().agentId() != null) {
            return completed.value().agentId();
        }
        if (due != null && due.value().assigneeId() != null) {
            return due.value().assigneeId();
        }
        return planned == null ? null : planned.value().assigneeId();
    }

    /** At least one attempt was made (回访率 numerator). */
    public boolean attempted() {
        if (maxAttemptNo > 0) {
            return true;
        }
        return completed != null
                && (completed.value().attempts() > 0 || result() == VisitResult.COMPLETED);
    }

    /** How the visit ended; null while open. */
    public VisitResult result() {
        return completed == null ? null : VisitResult.fromCode(completed.value().result());
    }

    public Instant completedAt() {
        return completed == null ? null : completed.value().completedAt();
    }

    /** Ended successfully before its deadline (or it had none). */
    public boolean onTime() {
        return result() == VisitResult.COMPLETED && completed.value().onTime();
    }

    /** An issue was raised from this visit, or its survey will raise one. */
    public boolean raisedIssue() {
        return !issueIds.isEmpty() || (survey != null && survey.value().raisesIssue());
    }

    public SurveySubmitted surveyAnswers() {
        return Versioned.valueOf(survey);
    }

    public Double rating() {
        return survey == null ? null : survey.value().rating();
    }

    public Boolean satisfied() {
        return survey == null ? null : survey.value().satisfied();
    }

    public Integer nps() {
        return survey == null ? null : survey.value().nps();
    }

    /** PROMOTER, PASSIVE or DETRACTOR: the event's class, or derived from the 0–10 answer. */
    public String npsClass() {
        if (survey == null) {
            return null;
        }
        if (survey.value().npsClass() != null) {
            return survey.value().npsClass();
        }
        Integer n = survey.value().nps();
        if (n == null) {
            return null;
        }
        return n >= 9 ? "PROMOTER" : n >= 7 ? "PASSIVE" : "DETRACTOR";
    }

    public List<String> comments() {
        return survey == null || survey.value().comments() == null ? List.of() : survey.value().comments();
    }

    /**
     * The dimensions this visit is reported under, or null while it has no due time.
     */
    public VisitDimensions dimensions(DimensionSource source) {
        Instant at = dueAt();
        if (at == null) {
            return null;
        }
        LocalDate date = at.atZone(source.zoneOf(tenantId)).toLocalDate();
        String seId = serviceEventId();
        String category = seId == null ? DailyFactKey.UNKNOWN
                : source.serviceEvent(tenantId, seId).map(ServiceEventFact::customerCategory).orElse(DailyFactKey.UNKNOWN);
        String agent = agentId();
        Placement placement = agent == null ? Placement.UNKNOWN : source.placementOf(tenantId, agent);
        if (placement == null) {
            placement = Placement.UNKNOWN;
        }
        return new VisitDimensions(date, orUnknown(planId()), category, orUnknown(agent),
                orUnknown(placement.team()), orUnknown(placement.department()), orUnknown(channel()));
    }

    static String orUnknown(String s) {
        return s == null || s.isBlank() ? DailyFactKey.UNKNOWN : s;
    }
}
