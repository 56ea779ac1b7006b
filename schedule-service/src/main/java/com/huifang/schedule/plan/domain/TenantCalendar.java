package com.huifang.schedule.plan.domain;

import com.huifang.calendar.DailyWindows;
import com.huifang.calendar.HolidayCalendars;
import com.huifang.calendar.WorkingCalendar;
import java.time.ZoneId;

/**
 * A tenant's calendar as scheduling needs it: working days (the calendar module) and the default
 * calling windows, which the calendar module does not hold.
 *
 * @param workingDays    working days, holidays and make-up working days, in the tenant's zone
 * @param callingWindows default calling windows of the tenant's plans
 */
public record TenantCalendar(WorkingCalendar workingDays, DailyWindows callingWindows) {

    /** Seed 000 (客服部电话回访制度): call 10:00–12:00 and 15:00–17:00, never on holidays. */
    public static final DailyWindows DEFAULT_WINDOWS = DailyWindows.parse("10:00-12:00, 15:00-17:00");

    /** The default: official PRC 2025–2026 calendar, Asia/Shanghai, 10–12 and 15–17. */
    public static TenantCalendar prcDefault() {
        return new TenantCalendar(HolidayCalendars.prc(), DEFAULT_WINDOWS);
    }

    public ZoneId zone() {
        return workingDays.zone();
    }
}
