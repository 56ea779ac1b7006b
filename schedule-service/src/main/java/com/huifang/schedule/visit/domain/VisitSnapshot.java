package com.huifang.schedule.visit.domain;

import com.huifang.calendar.DailyWindows;
import com.huifang.schedule.plan.domain.Rung;
import java.time.Instant;
import java.util.List;

/** Every field of a visit, for the store adapter: {@link Visit#snapshot()} and {@link Visit#restore}. */
public record VisitSnapshot(
        String id,
        String planId,
        int planVersion,
        String stage,
        int occurrence,
        String serviceEventId,
        String caseRef,
        String customerId,
        String surveyTemplateId,
        Instant earliestAt,
        Instant dueAt,
        Instant deadlineAt,
        int priority,
        boolean deadlineAtRisk,
        List<Rung> ladder,
        DailyWindows windows,
        boolean allowNonWorkingDays,
        List<String> staffIds,
        VisitState state,
        int rungIndex,
        int countedOnRung,
        List<Attempt> attempts,
        Instant nextAttemptAt,
        Instant callbackAt,
        String callbackAgentId,
        String assigneeId,
        Instant endedAt,
        String endReason) {

    public VisitSnapshot {
        ladder = List.copyOf(ladder);
        staffIds = staffIds == null ? List.of() : List.copyOf(staffIds);
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }
}
