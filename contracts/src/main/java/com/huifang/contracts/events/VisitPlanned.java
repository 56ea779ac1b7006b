package com.huifang.contracts.events;

import com.huifang.contracts.HuifangEvent;
import java.time.Instant;

/**
 * A follow-up visit was planned. Key: customer id.
 *
 * @param stage            stage of the plan (e.g. "day-10", "completion"); "main" for single-stage plans
 * @param earliestAt       the visit may not happen before
 * @param dueAt            when it falls due (inside a calling window on a working day)
 * @param deadlineAt       latest time that still counts as on time; null if none
 * @param channel          first rung of the channel ladder (PHONE, SMS, EMAIL, HOME_VISIT, LETTER…)
 * @param priority         1 (highest) to 3
 * @param deadlineAtRisk   the visit cannot fit before its deadline
 */
public record VisitPlanned(
        String visitId,
        String customerId,
        String planId,
        int planVersion,
        String stage,
        String serviceEventId,
        String surveyTemplateId,
        Instant earliestAt,
        Instant dueAt,
        Instant deadlineAt,
        String channel,
        int priority,
        String assigneeId,
        boolean deadlineAtRisk) implements HuifangEvent {

    @Override
    public String key() {
        return customerId;
    }
}
