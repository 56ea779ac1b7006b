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

    @Test
    void aTenantsCalendarComesFromItsSettingsInOnePlace() {
        WorkingCalendar tenant = HolidayCalendars.forTenant("Asia/Urumqi", java.util.List.of("monday", "TUESDAY",
                "Wednesday", "THURSDAY", "FRIDAY", "SATURDAY"), null);
        assertThat(tenant.zone()).isEqualTo(java.time.ZoneId.of("Asia/Urumqi"));
        assertThat(tenant.isWorkingDay(LocalDate.of(2026, 3, 7))).isTrue();
        assertThat(tenant.makeUpWorkingDays()).noneMatch(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY);
        assertThat(HolidayCalendars.forTenant(null, null, null).weeklyWorkingDays())
                .isEqualTo(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        assertThatThrownBy(() -> HolidayCalendars.forTenant("Mars/Olympus", null, null))
                .isInstanceOf(CalendarFormatException.class).hasMessageContaining("zone");
        assertThatThrownBy(() -> HolidayCalendars.forTenant(null, java.util.List.of("FUNDAY"), null))
                .isInstanceOf(CalendarFormatException.class).hasMessageContaining("FUNDAY");
        assertThatThrownBy(() -> HolidayCalendars.forTenant(null, null, java.util.List.of("years: nope")))
                .isInstanceOf(CalendarFormatException.class);
    }
}
