package com.huifang.schedule.visit.web;

import com.huifang.schedule.visit.store.AttemptRecord;
import com.huifang.schedule.visit.store.VisitDocument;
import java.time.Instant;
import java.util.List;

/**
 * A visit as the API shows it. {@code issueId} is set on re-contact visits (plan
 * {@code issue-recontact}): the issue whose resolution the visit confirms. {@code recordWithheld}: the
 * attempts' notes, recording references and agents are left out (see {@link #withoutRecord}).
 */
public record VisitView(String id, String customerId, String planId, int planVersion, String stage, int occurrence,
                        String state,
                        Instant earliestAt, Instant dueAt, Instant deadlineAt, boolean deadlineAtRisk, String channel,
                        int priority, String teamId, String assigneeId, String surveyTemplateId, Instant nextAttemptAt,
                        Instant callbackAt, String callbackAgentId, String issueId, String sourceVisitId,
                        List<AttemptRecord> attempts, List<String> explanation, String result, String endReason,
                        Long version, boolean recordWithheld) {

    public static VisitView of(VisitDocument v) {
        return new VisitView(v.id, v.customerId, v.planId, v.planVersion, v.stage, v.occurrence, v.state, v.earliestAt, v.dueAt,
                v.deadlineAt, v.deadlineAtRisk, v.channel, v.priority, v.teamId, v.assigneeId, v.surveyTemplateId,
                v.nextAttemptAt, v.callbackAt, v.callbackAgentId, v.issueId, v.sourceVisitId, v.attempts, v.explanation,
                v.result, v.endReason, v.version, false);
    }

    /**
     * The visit without its record, for a list read by an agent who may not read it in full (another
     * agent's visit, no access grant): its attempts keep their outcome and time, not their notes,
     * recording reference or agent; {@code recordWithheld} says so.
     */
    public static VisitView withoutRecord(VisitDocument v) {
        List<AttemptRecord> bare = v.attempts.stream().map(a -> new AttemptRecord(a.number(), a.channel(), a.outcome(),
                a.callBackAt(), a.ringSeconds(), a.durationSeconds(), null, null, null, a.at())).toList();
        return new VisitView(v.id, v.customerId, v.planId, v.planVersion, v.stage, v.occurrence, v.state, v.earliestAt, v.dueAt,
                v.deadlineAt, v.deadlineAtRisk, v.channel, v.priority, v.teamId, v.assigneeId, v.surveyTemplateId,
                v.nextAttemptAt, v.callbackAt, v.callbackAgentId, v.issueId, v.sourceVisitId, bare, v.explanation,
                v.result, v.endReason, v.version, true);
    }
}
