package com.huifang.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Calling windows: a due time outside a window moves to the next window start on a working day (PRODUCT.md, Scheduling). */
class CallingWindowsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final WorkingCalendar prc = HolidayCalendars.prc();
    private final DailyWindows calling = DailyWindows.parse("10:00-12:00, 15:00-17:00");

    private static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void dueTimeInsideAWindowStays() {
        Instant due = shanghai("2025-03-17T10:30:15");
        assertThat(prc.nextWindowStart(due, calling)).isEqualTo(due);
        assertThat(prc.isWithinWindows(due, calling)).isTrue();
        assertThat(prc.nextWindowStart(shanghai("2025-03-17T15:00:00"), calling)).isEqualTo(shanghai("2025-03-17T15:00:00"));
    }

    @Test
    void dueTimeBetweenWindowsMovesToTheAfternoonWindow() {
        assertThat(prc.nextWindowStart(shanghai("2025-03-17T12:00:00"), calling)).isEqualTo(shanghai("2025-03-17T15:00:00"));
        assertThat(prc.nextWindowStart(shanghai("2025-03-17T08:00:00"), calling)).isEqualTo(shanghai("2025-03-17T10:00:00"));
    }

    @Test
    void dueTimeAfterTheLastWindowMovesToTheNextWorkingDay() {
        // Friday evening → Monday morning
        assertThat(prc.nextWindowStart(shanghai("2025-03-14T17:00:00"), calling)).isEqualTo(shanghai("2025-03-17T10:00:00"));
    }

    @Test
    void dueDateSkipsNationalDayHoliday() {
        // discharged 09-25 14:00 → +7 days = 10-02 → National Day holiday → 10-09 (the 10-08 is still off in 2025) → first window 10:00
        Instant due = shanghai("2025-09-25T14:00:00").plus(java.time.Duration.ofDays(7));
        assertThat(prc.nextWindowStart(due, calling)).isEqualTo(shanghai("2025-10-09T10:00:00"));
    }

    @Test
    void makeUpSundayHasCallingWindows() {
        assertThat(prc.nextWindowStart(shanghai("2025-09-27T09:00:00"), calling)).isEqualTo(shanghai("2025-09-28T10:00:00"));
    }

    @Test
    void planAllowingNonWorkingDaysCallsOnHolidays() {
        assertThat(prc.nextWindowStart(shanghai("2025-10-01T11:00:00"), calling, true)).isEqualTo(shanghai("2025-10-01T11:00:00"));
        assertThat(prc.nextWindowStart(shanghai("2025-10-01T18:00:00"), calling, true)).isEqualTo(shanghai("2025-10-02T10:00:00"));
    }

    @Test
    void windowSearchIntoUnknownYearFails() {
        assertThatThrownBy(() -> prc.nextWindowStart(shanghai("2026-12-31T18:00:00"), calling))
                .isInstanceOfSatisfying(UnknownCalendarYearException.class, e -> assertThat(e.year()).isEqualTo(2027));
        // without working days no year data is needed
        assertThat(prc.nextWindowStart(shanghai("2026-12-31T18:00:00"), calling, true)).isEqualTo(shanghai("2027-01-01T10:00:00"));
    }

    @Test
    void windowStartInTheSpringForwardGapOpensAtTheTransition() {
        // Europe/Berlin 2025-03-30: 02:00 CET jumps to 03:00 CEST (01:00Z); a 02:30 start opens at 03:00 CEST
        WorkingCalendar berlin = everyDay(BERLIN);
        DailyWindows night = DailyWindows.parse("02:30-04:00");
        assertThat(berlin.nextWindowStart(Instant.parse("2025-03-29T23:00:00Z"), night)).isEqualTo(Instant.parse("2025-03-30T01:00:00Z"));
        assertThat(berlin.businessTimeBetween(Instant.parse("2025-03-29T23:00:00Z"), Instant.parse("2025-03-30T22:00:00Z"), night))
                .isEqualTo(java.time.Duration.ofHours(1));
    }

    @Test
    void windowStartRepeatedAtFallBackUsesTheEarlierOffset() {
        // Europe/Berlin 2025-10-26: 03:00 CEST falls back to 02:00 CET; 02:30 happens first at 00:30Z (CEST)
        WorkingCalendar berlin = everyDay(BERLIN);
        DailyWindows night = DailyWindows.parse("02:30-04:00");
        assertThat(berlin.nextWindowStart(Instant.parse("2025-10-25T22:00:00Z"), night)).isEqualTo(Instant.parse("2025-10-26T00:30:00Z"));
        // 02:30 CEST to 04:00 CET is 2½ hours of real time
        assertThat(berlin.businessTimeBetween(Instant.parse("2025-10-25T22:00:00Z"), Instant.parse("2025-10-26T22:00:00Z"), night))
                .isEqualTo(java.time.Duration.ofMinutes(150));
    }

    @Test
    void ordinaryBerlinDaysUseTheirOwnOffset() {
        WorkingCalendar berlin = WorkingCalendar.builder().zone(BERLIN).knownYears(2025, 2026).build();
        // summer: 10:00 CEST = 08:00Z; winter: 10:00 CET = 09:00Z
        assertThat(berlin.nextWindowStart(Instant.parse("2025-07-01T05:00:00Z"), calling)).isEqualTo(Instant.parse("2025-07-01T08:00:00Z"));
        assertThat(berlin.nextWindowStart(Instant.parse("2025-12-01T05:00:00Z"), calling)).isEqualTo(Instant.parse("2025-12-01T09:00:00Z"));
    }

    @Test
    void overlappingWindowsAreRejected() {
        assertThatThrownBy(() -> DailyWindows.parse("10:00-12:00, 11:00-13:00"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
        assertThatThrownBy(() -> TimeWindow.of("12:00", "10:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DailyWindows.of(java.util.List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void windowsAreKeptInOrderAndTouchingWindowsAreAllowed() {
        DailyWindows w = DailyWindows.parse("15:00-17:00,10:00-12:00,12:00-13:00");
        assertThat(w.windows()).extracting(TimeWindow::start)
                .containsExactly(LocalTime.of(10, 0), LocalTime.of(12, 0), LocalTime.of(15, 0));
        assertThat(w.nominalLengthPerDay()).hasHours(5);
        assertThat(w.contains(LocalTime.of(12, 0))).isTrue();
        assertThat(w.contains(LocalTime.of(17, 0))).isFalse();
    }

    static WorkingCalendar everyDay(ZoneId zone) {
        return WorkingCalendar.builder().zone(zone).weeklyWorkingDays(EnumSet.allOf(DayOfWeek.class)).knownYears(2025, 2026).build();
    }
}
