package com.huifang.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** A tenant that works Monday–Saturday, derived from the official PRC calendar. */
class SixDayWeekTest {

    private static final EnumSet<DayOfWeek> MON_SAT = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY);

    @Test
    void theOfficialMakeUpSaturdaysAreJustWorkingDaysOfASixDayWeek() {
        WorkingCalendar prc = HolidayCalendars.prc();
        LocalDate makeUpSaturday = prc.makeUpWorkingDays().stream()
                .filter(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY).findFirst().orElseThrow();

        WorkingCalendar sixDays = prc.toBuilder().weeklyWorkingDays(MON_SAT).build();

        assertThat(sixDays.isWorkingDay(makeUpSaturday)).isTrue();
        assertThat(sixDays.makeUpWorkingDays()).noneMatch(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY);
        // holidays stay holidays, even on a Saturday of the six-day week
        prc.publicHolidays().forEach(h -> assertThat(sixDays.isWorkingDay(h)).as(h.toString()).isFalse());
        // an ordinary Saturday is now a working day, Sunday still is not
        LocalDate saturday = LocalDate.of(2026, 3, 7);
        assertThat(sixDays.isWorkingDay(saturday)).isTrue();
        assertThat(sixDays.isWorkingDay(saturday.plusDays(1))).isFalse();
    }

    @Test
    void mergingAnOfficialYearIntoASixDayWeekKeepsItBuildable() {
        WorkingCalendar sixDays = HolidayCalendars.prc().toBuilder().weeklyWorkingDays(MON_SAT)
                .mergeYears(HolidayCalendars.prc()).build();
        assertThat(sixDays.makeUpWorkingDays()).noneMatch(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY);
    }

    @Test
    void aMakeUpDayOnAWeekdayIsStillATypoTheBuilderRejects() {
        assertThatThrownBy(() -> WorkingCalendar.builder().knownYear(2026)
                .makeUpWorkingDay(LocalDate.of(2026, 3, 4)).build())
                .isInstanceOf(CalendarFormatException.class).hasMessageContaining("already a weekly working day");
    }
}
