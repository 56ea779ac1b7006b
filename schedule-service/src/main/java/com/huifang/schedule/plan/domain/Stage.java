package com.huifang.schedule.plan.domain;

import com.huifang.calendar.DailyWindows;
import java.util.List;

/**
 * One visit of a plan (a single-stage plan has one stage, "main").
 *
 * @param id                   stage id, unique in the plan ("day-10", "midway", "completion")
 * @param eventTypes           the trigger event types this stage answers; empty means all of the plan's
 * @param timing               earliest and due offsets
 * @param windows              calling windows; null means the tenant calendar's default windows
 * @param allowNonWorkingDays  whether the visit may fall on weekends and public holidays
 * @param deadline             the latest on-time moment; null if none
 * @param priority             overrides the plan's priority for this stage; null to use the plan's
 * @param recurrence           repeats of this stage; null if none
 */
public record Stage(
        String id,
        List<String> eventTypes,
        Timing timing,
        DailyWindows windows,
        boolean allowNonWorkingDays,
        Deadline deadline,
        Integer priority,
        Recurrence recurrence) {

    public Stage {
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
    }

    public boolean answers(String eventType) {
        return eventTypes.isEmpty() || eventTypes.contains(eventType);
    }
}
