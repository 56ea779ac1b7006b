package com.huifang.schedule.visit.web;

import com.huifang.schedule.visit.store.AttemptRecord;
import com.huifang.schedule.visit.store.VisitDocument;
import java.time.Instant;
import java.util.List;

/**
 * A visit as the API shows it. {@code issueId} is set on re-contact visits (plan
 * {@code issue-recontact}): the issue whose resolution the visit confirms.
 */
public record VisitView(String id, String customerId, String planId, int planVersion, String stage, int occurrence,
                        String state,
                        Instant earliestAt, Instant dueAt, Instant deadlineAt, boolean deadlineAtRisk, String channel,
                        int priority, String teamId, String assigneeId, String surveyTemplateId, Instant nextAttemptAt,
                        Instant callbackAt, String callbackAgentId, String issueId, String sourceVisitId,
                        List<AttemptRecord> attempts, List<String> explanation, String result, String endReason,
                        Long version) {

    public static VisitView of(VisitDocument v) {
        return new VisitView(v.id, v.customerId, v.planId, v.planVersion, v.stage, v.occurrence, v.state, v.earliestAt, v.dueAt,
                v.deadlineAt, v.deadlineAtRisk, v.channel, v.priority, v.teamId, v.assigneeId, v.surveyTemplateId,
                v.nextAttemptAt, v.callbackAt, v.callbackAgentId, v.issueId, v.sourceVisitId, v.attempts, v.explanation,
                v.result, v.endReason, v.version);
    }
}
