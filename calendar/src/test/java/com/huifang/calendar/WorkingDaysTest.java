package com.huifang.calendar;

import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

/** Working days on the official PRC 2025–2026 calendar (国务院办公厅 notices) and on tenant calendars. */
class WorkingDaysTest {

    private final WorkingCalendar prc = HolidayCalendars.prc();

    @Test
    void nationalDayAndMidAutumn2025AreEightRestDays() {
        for (LocalDate d = parse("2025-10-01"); !d.isAfter(parse("2025-10-08")); d = d.plusDays(1)) {
            assertThat(prc.isWorkingDay(d)).as("%s", d).isFalse();
            assertThat(prc.holidayName(d)).contains("国庆节、中秋节 National Day and Mid-Autumn");
        }
        assertThat(prc.isWorkingDay(parse("2025-10-09"))).isTrue();
    }

    @Test
    void makeUpSundayBeforeNationalDayIsWorkingDay() {
        assertThat(parse("2025-09-28").getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(prc.isWorkingDay(parse("2025-09-28"))).isTrue();
        assertThat(prc.isMakeUpWorkingDay(parse("2025-09-28"))).isTrue();
    }

    @Test
    void makeUpSaturdayCountsAsWorkingDay() {
        assertThat(parse("2025-10-11").getDayOfWeek()).isEqualTo(SATURDAY);
        assertThat(prc.isWorkingDay(parse("2025-10-11"))).isTrue();
        assertThat(prc.addWorkingDays(parse("2025-10-10"), 1)).isEqualTo(parse("2025-10-11"));
    }

    @Test
    void springFestival2026IsNineRestDaysBetweenTwoMakeUpSaturdays() {
        for (LocalDate d = parse("2026-02-15"); !d.isAfter(parse("2026-02-23")); d = d.plusDays(1)) {
            assertThat(prc.isWorkingDay(d)).as("%s", d).isFalse();
        }
        assertThat(prc.isWorkingDay(parse("2026-02-14"))).isTrue();
        assertThat(prc.isWorkingDay(parse("2026-02-28"))).isTrue();
        assertThat(prc.addWorkingDays(parse("2026-02-14"), 1)).isEqualTo(parse("2026-02-24"));
    }

    @Test
    void ordinaryWeekendIsRestDay() {
        assertThat(prc.isWorkingDay(parse("2025-03-15"))).isFalse();
        assertThat(prc.isWorkingDay(parse("2025-03-16"))).isFalse();
        assertThat(prc.isWorkingDay(parse("2025-03-17"))).isTrue();
    }

    @Test
    void dueDateSkipsNationalDayHoliday() {
        assertThat(prc.addWorkingDays(parse("2025-09-30"), 1)).isEqualTo(parse("2025-10-09"));
        assertThat(prc.nextWorkingDayOnOrAfter(parse("2025-10-02"))).isEqualTo(parse("2025-10-09"));
        assertThat(prc.previousWorkingDayOnOrBefore(parse("2025-10-05"))).isEqualTo(parse("2025-09-30"));
    }

    @Test
    void withinFiveWorkingDaysOfSigningCountsTheMakeUpSunday() {
        // Friday 09-26 → Sun 09-28 (make-up), Mon 09-29, Tue 09-30, then Thu 10-09, Fri 10-10
        assertThat(prc.addWorkingDays(parse("2025-09-26"), 1)).isEqualTo(parse("2025-09-28"));
        assertThat(prc.addWorkingDays(parse("2025-09-26"), 5)).isEqualTo(parse("2025-10-10"));
        assertThat(prc.workingDaysBetween(parse("2025-09-26"), parse("2025-10-10"))).isEqualTo(5);
    }

    @Test
    void negativeStepsGoBackOverTheHoliday() {
        assertThat(prc.addWorkingDays(parse("2025-10-09"), -1)).isEqualTo(parse("2025-09-30"));
        assertThat(prc.addWorkingDays(parse("2025-10-04"), -1)).isEqualTo(parse("2025-09-30"));
        assertThat(prc.addWorkingDays(parse("2025-10-09"), -4)).isEqualTo(parse("2025-09-26"));
    }

    @Test
    void zeroWorkingDaysFromRestDayRollsForward() {
        assertThat(prc.addWorkingDays(parse("2025-03-15"), 0)).isEqualTo(parse("2025-03-17"));
        assertThat(prc.addWorkingDays(parse("2025-03-17"), 0)).isEqualTo(parse("2025-03-17"));
    }

    @Test
    void workingDaysInOctober2025CountTheMakeUpSaturday() {
        // 10-09, 10-10, 10-11 (make-up Saturday) and three full weeks
        assertThat(prc.workingDaysBetween(parse("2025-09-30"), parse("2025-10-31"))).isEqualTo(18);
        assertThat(prc.workingDaysBetween(parse("2025-10-31"), parse("2025-09-30"))).isEqualTo(-18);
        assertThat(prc.workingDaysBetween(parse("2025-10-31"), parse("2025-10-31"))).isZero();
    }

    @Test
    void yearBoundaryIntoUnknownYearFails() {
        assertThat(prc.addWorkingDays(parse("2026-12-30"), 1)).isEqualTo(parse("2026-12-31"));
        assertThatThrownBy(() -> prc.addWorkingDays(parse("2026-12-30"), 5))
                .isInstanceOfSatisfying(UnknownCalendarYearException.class, e -> assertThat(e.year()).isEqualTo(2027));
        assertThatThrownBy(() -> prc.nextWorkingDayOnOrAfter(parse("2027-01-04")))
                .isInstanceOfSatisfying(UnknownCalendarYearException.class, e -> assertThat(e.year()).isEqualTo(2027));
        assertThatThrownBy(() -> prc.addWorkingDays(parse("2025-01-02"), -1))
                .isInstanceOfSatisfying(UnknownCalendarYearException.class, e -> assertThat(e.year()).isEqualTo(2024));
        assertThatThrownBy(() -> prc.previousWorkingDayOnOrBefore(parse("2025-01-01")))
                .isInstanceOfSatisfying(UnknownCalendarYearException.class, e -> assertThat(e.year()).isEqualTo(2024));
        assertThatThrownBy(() -> prc.isWorkingDay(parse("2024-12-31")))
                .isInstanceOfSatisfying(UnknownCalendarYearException.class, e -> assertThat(e.year()).isEqualTo(2024));
        assertThatThrownBy(() -> prc.workingDaysBetween(parse("2026-06-01"), parse("2027-06-01")))
                .isInstanceOf(UnknownCalendarYearException.class);
    }

    @Test
    void uploadedYearMergesIntoTheTenantCalendar() {
        String y2027 = """
                years:
                  2027:
                    holidays:
                      - { name: 元旦 New Year, from: 2027-01-01, to: 2027-01-03 }
                    makeUpWorkdays: []
                """;
        WorkingCalendar uploaded = HolidayCalendars.fromYaml(new ByteArrayInputStream(y2027.getBytes(StandardCharsets.UTF_8)));
        WorkingCalendar merged = prc.toBuilder().mergeYears(uploaded).build();

        assertThat(merged.knownYears()).containsExactly(2025, 2026, 2027);
        // Thu 2026-12-31 + 1 → Fri 2027-01-01 is New Year → Mon 2027-01-04
        assertThat(merged.addWorkingDays(parse("2026-12-31"), 1)).isEqualTo(parse("2027-01-04"));
        assertThat(merged.isWorkingDay(parse("2025-10-11"))).isTrue();
    }

    @Test
    void mergingAYearAgainReplacesItsData() {
        WorkingCalendar correction = WorkingCalendar.builder().knownYear(2026)
                .holiday(parse("2026-03-02"), "typhoon").build();
        WorkingCalendar merged = prc.toBuilder().mergeYears(correction).build();

        assertThat(merged.isWorkingDay(parse("2026-03-02"))).isFalse();
        assertThat(merged.isWorkingDay(parse("2026-10-01"))).as("old 2026 National Day replaced").isTrue();
        assertThat(merged.isWorkingDay(parse("2025-10-01"))).as("2025 kept").isFalse();
    }

    @Test
    void unknownYearBetweenKnownYearsFails() {
        WorkingCalendar gappy = WorkingCalendar.builder().knownYear(2025).knownYear(2027).build();

        assertThat(gappy.addWorkingDays(parse("2027-01-01"), 1)).isEqualTo(parse("2027-01-04"));
        assertThatThrownBy(() -> gappy.addWorkingDays(parse("2025-12-30"), 5))
                .isInstanceOfSatisfying(UnknownCalendarYearException.class, e -> assertThat(e.year()).isEqualTo(2026));
        assertThatThrownBy(() -> gappy.workingDaysBetween(parse("2025-12-30"), parse("2027-01-05")))
                .isInstanceOfSatisfying(UnknownCalendarYearException.class, e -> assertThat(e.year()).isEqualTo(2026));
        assertThatThrownBy(() -> gappy.isWorkingDay(parse("2026-05-05")))
                .isInstanceOfSatisfying(UnknownCalendarYearException.class, e -> assertThat(e.year()).isEqualTo(2026));
    }

    @Test
    void tenantWorkingTuesdayToSaturdayRestsOnMonday() {
        WorkingCalendar clinic = WorkingCalendar.builder()
                .weeklyWorkingDays(EnumSet.range(TUESDAY, SATURDAY))
                .knownYears(2025, 2026)
                .holiday(parse("2025-06-07"), "clinic anniversary")
                .makeUpWorkingDay(parse("2025-06-09"))
                .build();

        assertThat(clinic.isWorkingDay(parse("2025-06-02"))).as("Monday").isFalse();
        assertThat(clinic.isWorkingDay(parse("2025-06-07"))).as("Saturday holiday").isFalse();
        assertThat(clinic.isWorkingDay(parse("2025-06-09"))).as("make-up Monday").isTrue();
        assertThat(clinic.addWorkingDays(parse("2025-06-06"), 1)).isEqualTo(parse("2025-06-09"));
    }

    @Test
    void makeUpDayOnWeeklyWorkingDayIsRejected() {
        assertThatThrownBy(() -> WorkingCalendar.builder().knownYear(2025).makeUpWorkingDay(parse("2025-06-04")).build())
                .isInstanceOf(CalendarFormatException.class)
                .hasMessageContaining("2025-06-04");
    }

    @Test
    void calendarWithoutKnownYearIsRejected() {
        assertThatThrownBy(() -> WorkingCalendar.builder().build()).isInstanceOf(CalendarFormatException.class);
    }
}
