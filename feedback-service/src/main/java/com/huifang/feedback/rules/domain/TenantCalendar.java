package com.huifang.feedback.rules.domain;

import com.huifang.calendar.CalendarFormatException;
import com.huifang.calendar.DailyWindows;
import com.huifang.calendar.HolidayCalendars;
import com.huifang.calendar.WorkingCalendar;
import java.util.List;
import java.util.Optional;

/**
 * feedback-service's copy of a tenant's working calendar, rebuilt from schedule-service's whole-calendar
 * event ({@code TenantCalendarChanged}): the official PRC calendar (2025–2026) with the tenant's zone, weekly
 * working days and uploaded holiday years on top, and the tenant's business hours if it set them.
 *
 * <p>An uploaded year replaces that year's holidays and make-up working days (as schedule-service merges
 * them). A make-up working day that falls on one of the tenant's weekly working days is simply a working
 * day: it is dropped instead of failing the calendar (a clinic open Monday–Saturday still works the official
 * make-up Saturdays).
 *
 * @param calendar      the working calendar SLAs count in
 * @param businessHours the tenant's business hours (validated text, e.g. "09:00-18:00"), when its calendar names them
 * @param version       the calendar version the copy was built from (0 for the PRC default)
 */
public record TenantCalendar(WorkingCalendar calendar, Optional<String> businessHours, long version) {

    /** A tenant that never changed its calendar: PRC, Asia/Shanghai, Monday–Friday. */
    public static TenantCalendar prcDefault() {
        return new TenantCalendar(HolidayCalendars.prc(), Optional.empty(), 0);
    }

    /**
     * @param zone              IANA zone id; null or blank keeps Asia/Shanghai
     * @param weeklyWorkingDays MONDAY…SUNDAY; null or empty keeps Monday–Friday
     * @param businessHours     "09:00-12:00,13:30-18:00"; null or blank: none of its own
     * @param uploadedYears     holiday YAML texts, applied in order over the PRC default
     * @throws CalendarFormatException naming what is wrong
     */
    public static TenantCalendar of(String zone, List<String> weeklyWorkingDays, String businessHours,
                                    List<String> uploadedYears, long version) {
        WorkingCalendar calendar = HolidayCalendars.forTenant(zone, weeklyWorkingDays, uploadedYears);
        Optional<String> hours = Optional.empty();
        try {
            if (businessHours != null && !businessHours.isBlank()) {
                DailyWindows.parse(businessHours);
                hours = Optional.of(businessHours.strip());
            }
        } catch (RuntimeException e) {
            throw new CalendarFormatException("businessHours: '" + businessHours + "': " + e.getMessage(), e);
        }
        return new TenantCalendar(calendar, hours, version);
    }
}
