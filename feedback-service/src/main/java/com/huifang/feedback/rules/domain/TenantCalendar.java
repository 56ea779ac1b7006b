package com.huifang.feedback.rules.domain;

import com.huifang.calendar.CalendarFormatException;
import com.huifang.calendar.DailyWindows;
import com.huifang.calendar.HolidayCalendars;
import com.huifang.calendar.WorkingCalendar;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

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
        var prc = HolidayCalendars.prc();
        var years = new TreeSet<>(prc.knownYears());
        var holidays = new TreeMap<LocalDate, String>();
        prc.publicHolidays().forEach(d -> holidays.put(d, prc.holidayName(d).orElse("")));
        var makeUps = new TreeSet<>(prc.makeUpWorkingDays());
        for (var text : uploadedYears == null ? List.<String>of() : uploadedYears) {
            var uploaded = HolidayCalendars.fromYaml(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            var replaced = uploaded.knownYears();
            holidays.keySet().removeIf(d -> replaced.contains(d.getYear()));
            makeUps.removeIf(d -> replaced.contains(d.getYear()));
            uploaded.publicHolidays().forEach(d -> holidays.put(d, uploaded.holidayName(d).orElse("")));
            makeUps.addAll(uploaded.makeUpWorkingDays());
            years.addAll(replaced);
        }
        var weekly = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        if (weeklyWorkingDays != null && !weeklyWorkingDays.isEmpty()) {
            weekly = EnumSet.noneOf(DayOfWeek.class);
            for (var day : weeklyWorkingDays) {
                try {
                    weekly.add(DayOfWeek.valueOf(day.trim().toUpperCase(java.util.Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new CalendarFormatException("weeklyWorkingDays: '" + day + "' is not a day of the week");
                }
            }
        }
        var b = WorkingCalendar.builder().weeklyWorkingDays(weekly);
        if (zone != null && !zone.isBlank()) {
            try {
                b.zone(ZoneId.of(zone));
            } catch (DateTimeException e) {
                throw new CalendarFormatException("zone: '" + zone + "' is not a time zone id", e);
            }
        }
        years.forEach(b::knownYear);
        holidays.forEach((d, name) -> b.holiday(d, name));
        final var weeklyDays = weekly;
        makeUps.stream().filter(d -> !weeklyDays.contains(d.getDayOfWeek()) && !holidays.containsKey(d))
                .forEach(b::makeUpWorkingDay);
        Optional<String> hours = Optional.empty();
        try {
            if (businessHours != null && !businessHours.isBlank()) {
                DailyWindows.parse(businessHours);
                hours = Optional.of(businessHours.strip());
            }
        } catch (RuntimeException e) {
            throw new CalendarFormatException("businessHours: '" + businessHours + "': " + e.getMessage(), e);
        }
        return new TenantCalendar(b.build(), hours, version);
    }
}
