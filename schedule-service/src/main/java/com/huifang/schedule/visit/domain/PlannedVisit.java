package com.huifang.schedule.visit.domain;

import com.huifang.calendar.DailyWindows;
import com.huifang.schedule.plan.domain.Channel;
import com.huifang.schedule.plan.domain.Rung;
import java.time.Instant;
import java.util.List;

/**
 * A visit the planner decided on, not yet stored: {@link Visit#plan} makes the aggregate of it.
 *
 * @param planId             plan id ({@code null} for re-contact visits of resolved issues)
 * @param planVersion        plan version
 * @param stage              plan stage id; "recontact" / "follow-up" for visits outside a plan's stages
 * @param occurrence         0 for a stage's planned visit, 1… for repeats of a recurring stage
 * @param serviceEventId     the event that caused it (or the issue id of a re-contact)
 * @param caseRef            the case several visits belong to (re-planning supersedes by case and stage)
 * @param customerId         the customer
 * @param earliestAt         not before
 * @param dueAt              falls due (inside a calling window on an allowed day)
 * @param deadlineAt         latest on-time moment; null if none
 * @param ladder             the channel ladder after consent and forced channels; first rung = channel
 * @param windows            effective calling windows (customer's hours, else the stage's, else the calendar's)
 * @param allowNonWorkingDays whether retries may fall on non-working days
 * @param priority           1 (highest) to 3
 * @param surveyTemplateId   the survey
 * @param deadlineAtRisk     the due time is after the deadline: flagged at planning
 * @param staffIds           staff whose work is checked (never the assignee)
 * @param explanation        every step of the computation, readable by a supervisor
 */
public record PlannedVisit(
        String planId,
        int planVersion,
        String stage,
        int occurrence,
        String serviceEventId,
        String caseRef,
        String customerId,
        Instant earliestAt,
        Instant dueAt,
        Instant deadlineAt,
        List<Rung> ladder,
        DailyWindows windows,
        boolean allowNonWorkingDays,
        int priority,
        String surveyTemplateId,
        boolean deadlineAtRisk,
        List<String> staffIds,
        List<String> explanation) {

    public PlannedVisit {
        ladder = List.copyOf(ladder);
        staffIds = staffIds == null ? List.of() : List.copyOf(staffIds);
        explanation = List.copyOf(explanation);
    }

    /** The first rung's channel; null when consent left no channel (a refused visit). */
    public Channel channel() {
        return ladder.isEmpty() ? null : ladder.get(0).channel();
    }
}
