package com.huifang.schedule.visit.web;

import com.huifang.schedule.visit.store.AttemptRecord;
import com.huifang.schedule.visit.store.VisitDocument;
import java.time.Instant;
import java.util.List;

/** A visit as the API shows it. */
public record VisitView(String id, String customerId, String planId, String stage, String state, Instant earliestAt,
                        Instant dueAt, Instant deadlineAt, boolean deadlineAtRisk, String channel, int priority,
                        String assigneeId, String surveyTemplateId, List<AttemptRecord> attempts,
                        List<String> explanation, String result, Long version) {

    public static VisitView of(VisitDocument v) {
        return new VisitView(v.id, v.customerId, v.planId, v.stage, v.state, v.earliestAt, v.dueAt, v.deadlineAt,
                v.deadlineAtRisk, v.channel, v.priority, v.assigneeId, v.surveyTemplateId, v.attempts, v.explanation,
                v.result, v.version);
    }
}
