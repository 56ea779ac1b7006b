package com.huifang.schedule.visit.domain;

import com.huifang.calendar.DailyWindows;
import com.huifang.schedule.plan.domain.Rung;
import java.util.List;

/**
 * How re-contact visits of resolved issues are planned: due the next working day in a calling
 * window, deadline some working days after the resolution.
 *
 * @param windows             calling windows; null means the calendar's default
 * @param deadlineWorkingDays deadline, in working days after the resolution day (end of that day)
 * @param ladder              channel ladder
 * @param priority            1 to 3
 * @param surveyTemplateId    the confirmation survey
 */
public record RecontactPolicy(DailyWindows windows, int deadlineWorkingDays, List<Rung> ladder, int priority, String surveyTemplateId) {

    public RecontactPolicy {
        ladder = List.copyOf(ladder);
    }
}
