package com.huifang.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * Exhaustive: every date of 2025–2026 (and a few days beyond, where the answer is "unknown year"),
 * the fast calendar against the naive day-by-day reference.
 */
class FastMatchesNaiveReferenceTest {

    private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 12, 31);
    private static final List<LocalTime> TIMES = List.of(LocalTime.MIDNIGHT, LocalTime.of(2, 30), LocalTime.of(9, 0),
            LocalTime.of(9, 59, 59), LocalTime.of(10, 0), LocalTime.of(11, 59, 59), LocalTime.of(12, 0),
            LocalTime.of(13, 30), LocalTime.of(16, 59, 59), LocalTime.of(17, 0), LocalTime.of(18, 0), LocalTime.of(23, 59, 59));

    /** The value, or the year the calendar did not know: both implementations must agree on either. */
    static Object outcome(Supplier<?> computation) {
        try {
            return computation.get();
        } catch (UnknownCalendarYearException e) {
            return "unknown year " + e.year();
        }
    }

    @Test
    void workingDaysOfEveryDateOf2025And2026MatchTheReference() {
        check(HolidayCalendars.prc());
        check(WorkingCalendar.builder().weeklyWorkingDays(EnumSet.range(DayOfWeek.TUESDAY, DayOfWeek.SATURDAY))
                .knownYears(2025, 2026).holidays(LocalDate.of(2025, 12, 20), LocalDate.of(2026, 1, 6), "winter break")
                .makeUpWorkingDay(LocalDate.of(2026, 1, 12)).build());
    }

    private static void check(WorkingCalendar fast) {
        NaiveWorkingCalendar naive = NaiveWorkingCalendar.of(fast);
        for (LocalDate d = FIRST.minusDays(3); !d.isAfter(LAST.plusDays(3)); d = d.plusDays(1)) {
            LocalDate date = d;
            assertThat(outcome(() -> fast.isWorkingDay(date))).as("isWorkingDay %s", d).isEqualTo(outcome(() -> naive.isWorkingDay(date)));
            assertThat(outcome(() -> fast.nextWorkingDayOnOrAfter(date))).as("next %s", d)
                    .isEqualTo(outcome(() -> naive.nextWorkingDayOnOrAfter(date)));
            assertThat(outcome(() -> fast.previousWorkingDayOnOrBefore(date))).as("previous %s", d)
                    .isEqualTo(outcome(() -> naive.previousWorkingDayOnOrBefore(date)));
            for (int n = -25; n <= 25; n++) {
                int steps = n;
                assertThat(outcome(() -> fast.addWorkingDays(date, steps))).as("%s + %d", d, n)
                        .isEqualTo(outcome(() -> naive.addWorkingDays(date, steps)));
            }
            for (int k = -40; k <= 40; k += 3) {
                LocalDate other = d.plusDays(k);
                assertThat(outcome(() -> fast.workingDaysBetween(date, other))).as("between %s %s", d, other)
                        .isEqualTo(outcome(() -> naive.workingDaysBetween(date, other)));
            }
        }
    }

    @Test
    void windowsAndBusinessTimeOfEveryDateOf2025And2026MatchTheReference() {
        DailyWindows calling = DailyWindows.parse("10:00-12:00, 15:00-17:00");
        DailyWindows office = DailyWindows.parse("09:00-12:00, 13:00-18:00");
        DailyWindows night = DailyWindows.parse("01:00-02:15, 02:30-03:30");
        checkTimes(HolidayCalendars.prc(), calling, office);
        WorkingCalendar berlin = WorkingCalendar.builder().zone(ZoneId.of("Europe/Berlin")).knownYears(2025, 2026)
                .holidays(LocalDate.of(2025, 12, 24), LocalDate.of(2025, 12, 26), "Weihnachten").build();
        checkTimes(berlin, calling, office);
        checkTimes(CallingWindowsTest.everyDay(ZoneId.of("Europe/Berlin")), night, night);
    }

    private static void checkTimes(WorkingCalendar fast, DailyWindows windows, DailyWindows hours) {
        NaiveWorkingCalendar naive = NaiveWorkingCalendar.of(fast);
        List<Duration> amounts = List.of(Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(150), Duration.ofHours(9),
                Duration.ofHours(40).plusNanos(1));
        for (LocalDate d = FIRST.minusDays(1); !d.isAfter(LAST.plusDays(1)); d = d.plusDays(1)) {
            for (LocalTime time : TIMES) {
                Instant at = d.atTime(time).atZone(fast.zone()).toInstant();
                assertThat(outcome(() -> fast.nextWindowStart(at, windows))).as("window %s", at)
                        .isEqualTo(outcome(() -> naive.nextWindowStart(at, windows, false)));
                assertThat(fast.nextWindowStart(at, windows, true)).as("window any day %s", at)
                        .isEqualTo(naive.nextWindowStart(at, windows, true));
                for (Duration amount : amounts) {
                    assertThat(outcome(() -> fast.addBusinessTime(at, amount, hours))).as("%s + %s", at, amount)
                            .isEqualTo(outcome(() -> naive.addBusinessTime(at, amount, hours)));
                }
                Instant later = at.plus(Duration.ofHours(61).plusSeconds(17));
                assertThat(outcome(() -> fast.businessTimeBetween(at, later, hours))).as("between %s", at)
                        .isEqualTo(outcome(() -> naive.businessTimeBetween(at, later, hours)));
            }
        }
    }
}
