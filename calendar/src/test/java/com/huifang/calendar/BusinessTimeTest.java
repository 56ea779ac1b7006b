package com.huifang.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/** SLAs counted in business hours on working days (issue 6; seeds 002 and 004). */
class BusinessTimeTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final WorkingCalendar prc = HolidayCalendars.prc();
    private final DailyWindows officeHours = DailyWindows.parse("09:00-18:00");

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void twoHoursFromFridayEveningEndMondayMorning() {
        assertThat(prc.addBusinessTime(at("2025-03-14T17:30:00"), Duration.ofHours(2), officeHours))
                .isEqualTo(at("2025-03-17T10:30:00"));
    }

    @Test
    void dragonBoatMondayIsSkipped() {
        // 2025-05-31..06-02 (Sat–Mon) is 端午节
        assertThat(prc.addBusinessTime(at("2025-05-30T17:30:00"), Duration.ofHours(2), officeHours))
                .isEqualTo(at("2025-06-03T10:30:00"));
    }

    @Test
    void slaCrossesAMakeUpSunday() {
        // Friday 2025-09-26 17:30 + 2 h → make-up Sunday 2025-09-28 10:30
        assertThat(prc.addBusinessTime(at("2025-09-26T17:30:00"), Duration.ofHours(2), officeHours))
                .isEqualTo(at("2025-09-28T10:30:00"));
        // Friday 17:00 → Monday 10:00 = 1 h + 9 h (the Sunday) + 1 h
        assertThat(prc.businessTimeBetween(at("2025-09-26T17:00:00"), at("2025-09-29T10:00:00"), officeHours))
                .isEqualTo(Duration.ofHours(11));
    }

    @Test
    void fiveWorkingDaysOfBusinessHoursSkipNationalDay() {
        assertThat(prc.addBusinessTime(at("2025-09-30T09:00:00"), Duration.ofHours(9 * 5), officeHours))
                .isEqualTo(at("2025-10-13T18:00:00")); // 09-30, 10-09, 10-10, 10-11 (make-up Saturday), 10-13
    }

    @Test
    void amountEndingAtCloseIsDueAtClose() {
        assertThat(prc.addBusinessTime(at("2025-03-17T16:00:00"), Duration.ofHours(2), officeHours))
                .isEqualTo(at("2025-03-17T18:00:00"));
        assertThat(prc.addBusinessTime(at("2025-03-17T20:00:00"), Duration.ZERO, officeHours))
                .isEqualTo(at("2025-03-17T20:00:00"));
    }

    @Test
    void lunchBreakDoesNotCount() {
        DailyWindows withLunch = DailyWindows.parse("09:00-12:00, 13:00-18:00");
        assertThat(prc.addBusinessTime(at("2025-03-17T11:00:00"), Duration.ofHours(2), withLunch))
                .isEqualTo(at("2025-03-17T14:00:00"));
        assertThat(prc.businessTimeBetween(at("2025-03-17T11:30:00"), at("2025-03-17T13:30:00"), withLunch))
                .isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void subSecondPrecisionIsKept() {
        Instant start = at("2025-03-17T10:00:00").plusNanos(123_456_789);
        assertThat(prc.addBusinessTime(start, Duration.ofMinutes(1), officeHours)).isEqualTo(start.plusSeconds(60));
        assertThat(prc.businessTimeBetween(start, start.plusMillis(1500), officeHours)).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void businessTimeBackwardsIsNegative() {
        assertThat(prc.businessTimeBetween(at("2025-03-17T12:00:00"), at("2025-03-17T10:00:00"), officeHours))
                .isEqualTo(Duration.ofHours(-2));
    }

    @Test
    void timerPausedWhileWaitingOnTheCustomer() {
        // 4 h from Monday 09:00, paused 10:00–14:00: 1 h before, 3 h after → 17:00
        List<Pause> pauses = List.of(new Pause(at("2025-03-17T10:00:00"), at("2025-03-17T14:00:00")));
        assertThat(prc.addBusinessTime(at("2025-03-17T09:00:00"), Duration.ofHours(4), officeHours, pauses))
                .isEqualTo(at("2025-03-17T17:00:00"));
        assertThat(prc.businessTimeBetween(at("2025-03-17T09:00:00"), at("2025-03-17T17:00:00"), officeHours, pauses))
                .isEqualTo(Duration.ofHours(4));
    }

    @Test
    void overlappingPausesCountOnce() {
        List<Pause> pauses = List.of(
                new Pause(at("2025-03-17T10:00:00"), at("2025-03-17T12:00:00")),
                new Pause(at("2025-03-17T11:00:00"), at("2025-03-17T13:00:00")),
                new Pause(at("2025-03-17T19:00:00"), at("2025-03-18T10:00:00")));
        assertThat(prc.businessTimeBetween(at("2025-03-17T09:00:00"), at("2025-03-18T18:00:00"), officeHours, pauses))
                .isEqualTo(Duration.ofHours(18 - 3 - 1));
    }

    @Test
    void pauseOverTheWeekendChangesNothing() {
        List<Pause> weekend = List.of(new Pause(at("2025-03-14T18:00:00"), at("2025-03-17T09:00:00")));
        assertThat(prc.addBusinessTime(at("2025-03-14T17:30:00"), Duration.ofHours(2), officeHours, weekend))
                .isEqualTo(at("2025-03-17T10:30:00"));
    }

    @Test
    void slaRunningIntoAnUnknownYearFails() {
        assertThatThrownBy(() -> prc.addBusinessTime(at("2026-12-31T17:00:00"), Duration.ofHours(2), officeHours))
                .isInstanceOfSatisfying(UnknownCalendarYearException.class, e -> assertThat(e.year()).isEqualTo(2027));
        assertThatThrownBy(() -> prc.businessTimeBetween(at("2024-12-31T17:00:00"), at("2025-01-02T10:00:00"), officeHours))
                .isInstanceOfSatisfying(UnknownCalendarYearException.class, e -> assertThat(e.year()).isEqualTo(2024));
    }

    @Test
    void negativeAmountIsRejected() {
        assertThatThrownBy(() -> prc.addBusinessTime(at("2025-03-17T10:00:00"), Duration.ofHours(-1), officeHours))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
