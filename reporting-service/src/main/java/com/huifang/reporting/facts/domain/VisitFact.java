package com.huifang.reporting.facts.domain;

import com.huifang.contracts.events.IssueRaised;
import com.huifang.contracts.events.SurveySubmitted;
import com.huifang.contracts.events.VisitAttempted;
import com.huifang.contracts.events.VisitCompleted;
import com.huifang.contracts.events.VisitDue;
import com.huifang.contracts.events.VisitPlanned;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
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
 * @param erased    the customer's erasure was honoured: free text (comments, flag note) and the recording
 *                  references of their calls are dropped and stay dropped whatever arrives later
 * @param recordings recording reference of each attempt that has one (attempt number → reference in the
 *                  telephony system): what a quality reviewer listens to (issue 10 §3). Two different
 *                  references for one attempt keep the larger, so the merge stays order-independent
 * @param lastAttemptAt time of the latest attempt seen (retention counts from the last contact)
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
        boolean erased,
        SortedMap<Integer, String> recordings,
        Instant lastAttemptAt) {

    public VisitFact {
        issueIds = issueIds == null ? Set.of() : Set.copyOf(issueIds);
        recordings = erased || recordings == null ? EMPTY_RECORDINGS
                : Collections.unmodifiableSortedMap(new TreeMap<>(recordings));
        if (erased && survey != null && (!isEmpty(survey.value().comments()) || survey.value().flagNote() != null)) {
            SurveySubmitted s = survey.value();
            survey = new Versioned<>(survey.occurredAt(), survey.eventId(), new SurveySubmitted(s.responseId(),
                    s.visitId(), s.customerId(), s.planId(), s.templateId(), s.templateVersion(), s.agentId(),
                    s.channel(), s.submittedAt(), s.rating(), s.satisfied(), s.nps(), s.npsClass(),
                    s.problemQuestionIds(), s.flagged(), null, List.of(), s.raisesIssue()));
        }
    }

    private static final SortedMap<Integer, String> EMPTY_RECORDINGS = Collections.unmodifiableSortedMap(new TreeMap<>());

    /** A fact without recording references and attempt time (as stored before they were projected). */
    public VisitFact(String tenantId, String visitId, Versioned<VisitPlanned> planned, Versioned<VisitDue> due,
                     Versioned<VisitCompleted> completed, Versioned<SurveySubmitted> survey, int maxAttemptNo,
                     Set<String> issueIds, boolean erased) {
        this(tenantId, visitId, planned, due, completed, survey, maxAttemptNo, issueIds, erased, null, null);
    }

    private static boolean isEmpty(List<String> list) {
        return list == null || list.isEmpty();
    }

    public static VisitFact empty(String tenantId, String visitId) {
        return new VisitFact(tenantId, visitId, null, null, null, null, 0, Set.of(), false);
    }

    /** This fact with the customer's free text dropped, for good (CustomerErased). */
    public VisitFact erase() {
        return erased ? this : new VisitFact(tenantId, visitId, planned, due, completed, survey, maxAttemptNo, issueIds,
                true, recordings, lastAttemptAt);
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
                    survey, maxAttemptNo, issueIds, erased, recordings, lastAttemptAt);
        } else if (p instanceof VisitDue e) {
            return new VisitFact(tenantId, visitId, planned, Versioned.latest(due, event.versioned(e)), completed,
                    survey, maxAttemptNo, issueIds, erased, recordings, lastAttemptAt);
        } else if (p instanceof VisitAttempted e) {
            SortedMap<Integer, String> refs = recordings;
            String ref = e.recordingRef() == null || e.recordingRef().isBlank() ? null : e.recordingRef().trim();
            if (ref != null) {
                refs = new TreeMap<>(recordings);
                refs.merge(e.attemptNo(), ref, (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
            Instant last = lastAttemptAt == null || (e.attemptedAt() != null && e.attemptedAt().isAfter(lastAttemptAt))
                    ? e.attemptedAt() : lastAttemptAt;
            return new VisitFact(tenantId, visitId, planned, due, completed, survey,
                    Math.max(maxAttemptNo, Math.max(1, e.attemptNo())), issueIds, erased, refs, last);
        } else if (p instanceof VisitCompleted e) {
            return new VisitFact(tenantId, visitId, planned, due, Versioned.latest(completed, event.versioned(e)),
                    survey, maxAttemptNo, issueIds, erased, recordings, lastAttemptAt);
        } else if (p instanceof SurveySubmitted e) {
            return new VisitFact(tenantId, visitId, planned, due, completed, Versioned.latest(survey, event.versioned(e)),
                    maxAttemptNo, issueIds, erased, recordings, lastAttemptAt);
        } else if (p instanceof IssueRaised e) {
            if (issueIds.contains(e.issueId())) {
                return this;
            }
            Set<String> ids = new TreeSet<>(issueIds);
            ids.add(e.issueId());
            return new VisitFact(tenantId, visitId, planned, due, completed, survey, maxAttemptNo, ids, erased,
                    recordings, lastAttemptAt);
        }
        throw new IllegalArgumentException("Not a visit event: " + p.getClass().getSimpleName());
    }

    // ---- personal details (retention and erasure) ------------------------------------------

    /**
     * What of a visit ties personal or free text to a customer: the survey's comments and flag note
     * (the customer's own words, the agent's note about them) and the call recordings. Stored apart from
     * the rest of the fact so that retention can strip it while the figures stay (issue 10 §2).
     */
    public record PersonalDetails(List<String> comments, String flagNote, SortedMap<Integer, String> recordings) {

        public static final PersonalDetails NONE = new PersonalDetails(List.of(), null, null);

        public PersonalDetails {
            comments = comments == null ? List.of() : List.copyOf(comments);
            recordings = recordings == null ? Collections.unmodifiableSortedMap(new TreeMap<>())
                    : Collections.unmodifiableSortedMap(new TreeMap<>(recordings));
        }

        public boolean isEmpty() {
            return comments.isEmpty() && flagNote == null && recordings.isEmpty();
        }
    }

    public PersonalDetails personalDetails() {
        SurveySubmitted s = surveyAnswers();
        return new PersonalDetails(s == null ? List.of() : s.comments(), s == null ? null : s.flagNote(), recordings);
    }

    /** This fact with {@code details} in place of its own personal details (none when erased). */
    public VisitFact withPersonalDetails(PersonalDetails details) {
        PersonalDetails d = details == null ? PersonalDetails.NONE : details;
        Versioned<SurveySubmitted> s = survey;
        if (s != null) {
            SurveySubmitted v = s.value();
            s = new Versioned<>(s.occurredAt(), s.eventId(), new SurveySubmitted(v.responseId(), v.visitId(),
                    v.customerId(), v.planId(), v.templateId(), v.templateVersion(), v.agentId(), v.channel(),
                    v.submittedAt(), v.rating(), v.satisfied(), v.nps(), v.npsClass(), v.problemQuestionIds(),
                    v.flagged(), d.flagNote(), d.comments(), v.raisesIssue()));
        }
        return new VisitFact(tenantId, visitId, planned, due, completed, s, maxAttemptNo, issueIds, erased,
                d.recordings(), lastAttemptAt);
    }

    /** This fact stripped of its personal details: what is kept of it for the figures. */
    public VisitFact withoutPersonalDetails() {
        return withPersonalDetails(PersonalDetails.NONE);
    }

    /**
     * The customer's last contact on this visit: the latest of its attempts, its end and its survey;
     * null while nobody was contacted. Retention counts from it (PRODUCT.md: kept 3 years after the last
     * contact).
     */
    public Instant lastContactAt() {
        Instant last = lastAttemptAt;
        Instant ended = completedAt();
        if (ended != null && (last == null || ended.isAfter(last))) {
            last = ended;
        }
        SurveySubmitted s = surveyAnswers();
        Instant answered = s == null ? null : s.submittedAt() != null ? s.submittedAt() : survey.occurredAt();
        if (answered != null && (last == null || answered.isAfter(last))) {
            last = answered;
        }
        return last;
    }

    /** The reference of the latest recorded attempt (the call a reviewer listens to first), or null. */
    public String latestRecording() {
        return recordings.isEmpty() ? null : recordings.get(recordings.lastKey());
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
