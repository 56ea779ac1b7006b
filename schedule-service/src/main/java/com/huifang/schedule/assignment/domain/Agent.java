package com.huifang.schedule.assignment.domain;

import com.huifang.calendar.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * A call-back agent (回访员).
 *
 * @param id                agent id
 * @param teamId            team
 * @param workingDays       weekdays the agent works; empty means the tenant calendar's working days
 * @param absences          days the agent is away (leave, sickness): their visits pass to a colleague
 * @param capacityPerWindow visits the agent can take in one calling window
 */
public record Agent(String id, String teamId, Set<DayOfWeek> workingDays, Set<LocalDate> absences, int capacityPerWindow) {

    public Agent {
        workingDays = workingDays == null ? Set.of() : Set.copyOf(workingDays);
        absences = absences == null ? Set.of() : Set.copyOf(absences);
    }

    public boolean worksOn(LocalDate day, WorkingCalendar calendar) {
        if (absences.contains(day)) {
            return false;
        }
        return workingDays.isEmpty() ? calendar.isWorkingDay(day) : workingDays.contains(day.getDayOfWeek());
    }
}
