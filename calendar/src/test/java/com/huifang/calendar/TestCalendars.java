package com.huifang.calendar;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.function.Supplier;

/** Calendars and helpers shared by the tests (an object mother). */
final class TestCalendars {

    private TestCalendars() {
    }

    /** 2025–2026, every day a working day (a 7-day hotline): DST transitions in Europe/Berlin fall on Sundays. */
    static WorkingCalendar everyDay(ZoneId zone) {
        return WorkingCalendar.builder().zone(zone).weeklyWorkingDays(EnumSet.allOf(DayOfWeek.class)).knownYears(2025, 2026).build();
    }

    /** The value, or the year the calendar did not know: two implementations must agree on either. */
    static Object outcome(Supplier<?> computation) {
        try {
            return computation.get();
        } catch (UnknownCalendarYearException e) {
            return "unknown year " + e.year();
        }
    }
}
