package com.huifang.feedback.sla.domain;

import static com.huifang.feedback.issue.domain.Issues.CLOCK;
import static com.huifang.feedback.issue.domain.Issues.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huifang.calendar.UnknownCalendarYearException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Business hours 09:00–12:00 and 13:00–18:00 (8 h a day), PRC calendar 2025–2026, Asia/Shanghai. */
class SlaClockTest {

    private static SlaTimer timer(String raisedAt, Duration budget) {
        return SlaTimer.start(SlaKind.FIRST_RESPONSE, at(raisedAt), budget);
    }

    private static Instant due(String raisedAt, Duration budget) {
        return CLOCK.due(timer(raisedAt, budget), at(raisedAt)).orElseThrow();
    }

    @Test
    void deliveryQuestionDueTwoBusinessHoursLaterWithinTheSameMorning() {
        assertThat(due("2026-03-10T09:30", Duration.ofHours(2))).isEqualTo(at("2026-03-10T11:30"));
    }

    @Test
    void lunchBreakDoesNotCount() {
        assertThat(due("2026-03-10T11:30", Duration.ofHours(2))).isEqualTo(at("2026-03-10T14:30"));
    }

    @Test
    void deliveryQuestionRaisedInTheEveningIsDueNextMorning() {
        assertThat(due("2026-03-10T17:30", Duration.ofHours(2))).isEqualTo(at("2026-03-11T10:30"));
    }

    @Test
    void questionRaisedBeforeOpeningCountsFromOpening() {
        assertThat(due("2026-03-10T07:00", Duration.ofHours(2))).isEqualTo(at("2026-03-10T11:00"));
    }

    @Test
    void deliveryQuestionDueTwoBusinessHoursLaterAcrossTheWeekend() {
        assertThat(due("2026-03-13T17:00", Duration.ofHours(2))).isEqualTo(at("2026-03-16T10:00"));
    }

    @Test
    void questionRaisedOnSaturdayCountsFromMondayOpening() {
        assertThat(due("2026-03-14T10:00", Duration.ofHours(4))).isEqualTo(at("2026-03-16T14:00"));
    }

    @Test
    void dueDateSkipsNationalDayHoliday() {
        // 2026-10-01..07 国庆节; Wednesday 30 September 17:00 + 2 h is Thursday 8 October 10:00
        assertThat(due("2026-09-30T17:00", Duration.ofHours(2))).isEqualTo(at("2026-10-08T10:00"));
    }

    @Test
    void dueDateSkipsTheWholeSpringFestival() {
        // Friday 13 Feb 17:00, then make-up Saturday 14 Feb, then 15–23 Feb 春节
        assertThat(due("2026-02-13T17:00", Duration.ofHours(10))).isEqualTo(at("2026-02-24T10:00"));
    }

    @Test
    void technicalQuestionDueOnTheMakeUpSundayBeforeMidAutumn() {
        // Friday 18 Sep 2026 16:00 + 4 h: 2 h on Friday, Saturday off, Sunday 20 Sep is a make-up working day
        assertThat(due("2026-09-18T16:00", Duration.ofHours(4))).isEqualTo(at("2026-09-20T11:00"));
    }

    @Test
    void questionRaisedOnSaturdayBeforeAMakeUpSundayIsDueThatSunday() {
        assertThat(due("2026-09-19T10:00", Duration.ofHours(2))).isEqualTo(at("2026-09-20T11:00"));
    }

    @Test
    void deliveryQuestionRaisedOnNewYearsEveIsDueOnTheMakeUpSundayAfterTheHoliday() {
        // 2026-01-01..03 元旦, Sunday 4 January 2026 is worked (调休)
        assertThat(due("2025-12-31T17:00", Duration.ofHours(2))).isEqualTo(at("2026-01-04T10:00"));
    }

    @Test
    void suggestionHandledWithinFiveWorkingDaysAcrossNationalDayAndTheMakeUpSaturday() {
        // Mon 28 Sep 10:00: 7 h that day, 29 and 30 Sep, 8 and 9 Oct (8 h each), 1 h on make-up Saturday 10 Oct
        var budget = CLOCK.budget(SlaSpan.workingDays(5));
        assertThat(budget).isEqualTo(Duration.ofHours(40));
        assertThat(due("2026-09-28T10:00", budget)).isEqualTo(at("2026-10-10T10:00"));
    }

    @Test
    void fiveWorkingDaysFromMondayMorningIsNextMondayMorning() {
        assertThat(due("2026-03-09T10:00", CLOCK.budget(SlaSpan.workingDays(5)))).isEqualTo(at("2026-03-16T10:00"));
    }

    @Test
    void waitingOnTheCustomerMovesTheDueInstantByThePausedBusinessTime() {
        // 4 h from Tue 09:00; paused 10:00–14:00 (3 business hours): 1 h before, 3 h from 14:00
        var t = timer("2026-03-10T09:00", Duration.ofHours(4)).pause(at("2026-03-10T10:00")).resume(at("2026-03-10T14:00"));
        assertThat(CLOCK.due(t, at("2026-03-10T15:00"))).contains(at("2026-03-10T17:00"));
        assertThat(CLOCK.elapsed(t, at("2026-03-10T15:00"))).isEqualTo(Duration.ofHours(2));
        assertThat(CLOCK.remaining(t, at("2026-03-10T15:00"))).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void pauseOverNightAndWeekendOnlyRemovesItsBusinessTime() {
        // raised Fri 16:00, 1 h counted; paused Fri 17:00 → Mon 10:00; 3 h left from Mon 10:00, lunch excluded
        var t = timer("2026-03-13T16:00", Duration.ofHours(4)).pause(at("2026-03-13T17:00")).resume(at("2026-03-16T10:00"));
        assertThat(CLOCK.elapsed(t, at("2026-03-16T10:00"))).isEqualTo(Duration.ofHours(1));
        assertThat(CLOCK.due(t, at("2026-03-16T10:00"))).contains(at("2026-03-16T14:00"));
    }

    @Test
    void pausedTimerHasNoDueInstantAndItsElapsedTimeStandsStill() {
        var t = timer("2026-03-10T09:00", Duration.ofHours(2)).pause(at("2026-03-10T10:00"));
        assertThat(CLOCK.due(t, at("2026-03-11T10:00"))).isEmpty();
        assertThat(CLOCK.elapsed(t, at("2026-03-11T10:00"))).isEqualTo(Duration.ofHours(1));
        assertThat(CLOCK.read(t, at("2026-03-12T10:00"), 0.8).status()).isEqualTo(SlaStatus.ON_TRACK);
    }

    @Test
    void pauseDuringAHolidayChangesNothing() {
        var plain = timer("2026-09-30T17:00", Duration.ofHours(2));
        var paused = plain.pause(at("2026-10-02T09:00")).resume(at("2026-10-05T18:00"));
        assertThat(CLOCK.due(paused, at("2026-10-08T09:00"))).isEqualTo(CLOCK.due(plain, at("2026-10-08T09:00")));
    }

    @Test
    void timeBetweenResolutionAndReopeningIsNotHeldAgainstTheHandler() {
        var t = SlaTimer.start(SlaKind.RESOLUTION, at("2026-03-09T09:00"), Duration.ofHours(16))
                .stop(at("2026-03-09T17:00"))
                .restart(at("2026-03-12T09:00"));
        // 7 h on Monday until resolved, nothing while resolved, 1 h on Thursday after reopening
        assertThat(CLOCK.elapsed(t, at("2026-03-12T10:00"))).isEqualTo(Duration.ofHours(8));
        assertThat(CLOCK.due(t, at("2026-03-12T10:00"))).contains(at("2026-03-13T10:00"));
    }

    @Test
    void stoppedTimerCountsOnlyUntilItsStop() {
        var t = timer("2026-03-10T09:00", Duration.ofHours(2)).stop(at("2026-03-10T10:30"));
        assertThat(CLOCK.elapsed(t, at("2026-03-20T10:00"))).isEqualTo(Duration.ofMinutes(90));
        assertThat(CLOCK.read(t, at("2026-03-20T10:00"), 0.8).status()).isEqualTo(SlaStatus.MET);
    }

    @Test
    void answerExactlyOnTheDueInstantIsInTime() {
        var t = timer("2026-03-10T09:00", Duration.ofHours(2));
        assertThat(CLOCK.metAt(t, at("2026-03-10T11:00"))).isTrue();
        assertThat(CLOCK.metAt(t, at("2026-03-10T11:00").plusSeconds(1))).isFalse();
    }

    @Test
    void readingSaysAtRiskFromEightyPercentAndBreachedPastTheDueInstant() {
        var t = timer("2026-03-10T09:00", Duration.ofHours(2));
        assertThat(CLOCK.read(t, at("2026-03-10T10:30"), 0.8).status()).isEqualTo(SlaStatus.ON_TRACK);
        assertThat(CLOCK.read(t, at("2026-03-10T10:36"), 0.8).status()).isEqualTo(SlaStatus.AT_RISK);
        assertThat(CLOCK.read(t, at("2026-03-10T11:00"), 0.8).status()).isEqualTo(SlaStatus.AT_RISK);
        var late = CLOCK.read(t, at("2026-03-10T11:30"), 0.8);
        assertThat(late.status()).isEqualTo(SlaStatus.BREACHED);
        assertThat(late.remaining()).isEqualTo(Duration.ofMinutes(-30));
        assertThat(late.due()).contains(at("2026-03-10T11:00"));
    }

    @Test
    void fixDateMayBeAtTheLatestTheNextWorkingDay() {
        assertThat(CLOCK.latestFixDate(at("2026-03-10T17:00"))).isEqualTo(LocalDate.of(2026, 3, 11));
        assertThat(CLOCK.latestFixDate(at("2026-03-13T10:00"))).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(CLOCK.latestFixDate(at("2026-09-18T10:00"))).isEqualTo(LocalDate.of(2026, 9, 20));
        assertThat(CLOCK.latestFixDate(at("2026-02-14T10:00"))).isEqualTo(LocalDate.of(2026, 2, 24));
        // 23:30 UTC on 30 Sep is already 1 Oct in Shanghai: the tenant's date counts
        assertThat(CLOCK.latestFixDate(Instant.parse("2026-09-30T16:30:00Z"))).isEqualTo(LocalDate.of(2026, 10, 8));
    }

    @Test
    void dueInstantInAYearTheCalendarDoesNotKnowIsReportedNotGuessed() {
        var t = timer("2026-12-31T10:00", CLOCK.budget(SlaSpan.workingDays(5)));
        assertThatThrownBy(() -> CLOCK.due(t, at("2026-12-31T10:00")))
                .isInstanceOf(UnknownCalendarYearException.class);
    }
}
