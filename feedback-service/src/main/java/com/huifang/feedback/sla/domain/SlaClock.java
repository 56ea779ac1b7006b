package com.huifang.feedback.sla.domain;

import com.huifang.calendar.DailyWindows;
import com.huifang.calendar.HolidayCalendars;
import com.huifang.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads SLA timers in business time: time inside the tenant's business hours on its working days (holidays
 * excluded, make-up working days 调休 included), minus the intervals the timer was paused. All the calendar
 * arithmetic is the calendar module's; this class only decides what to ask it.
 *
 * <p>Every method may throw {@link com.huifang.calendar.UnknownCalendarYearException} when the computation
 * reaches a year the tenant's calendar does not know: report it, never guess.
 */
public final class SlaClock {

    private final WorkingCalendar calendar;
    private final DailyWindows businessHours;

    public SlaClock(WorkingCalendar calendar, DailyWindows businessHours) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.businessHours = Objects.requireNonNull(businessHours, "businessHours");
    }

    /** The PRC calendar (2025–2026 holidays and make-up days) with the given business hours. */
    public static SlaClock prc(DailyWindows businessHours) {
        return new SlaClock(HolidayCalendars.prc(), businessHours);
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public DailyWindows businessHours() {
        return businessHours;
    }

    /**
     * The business time a target allows. N working days are N full business days of business time: raised
     * Monday 10:00 with 09:00–18:00 hours, "within 5 working days" is due the next working Monday 10:00,
     * and a pause while waiting on the customer moves it like any other target.
     */
    public Duration budget(SlaSpan span) {
        if (span instanceof SlaSpan.BusinessTime b) {
            return b.duration();
        }
        return businessHours.nominalLengthPerDay().multipliedBy(((SlaSpan.WorkingDays) span).days());
    }

    /**
     * The latest fix date a technical or quality issue raised at {@code raisedAt} may be given: the next
     * working day after the day it was raised, in the tenant's zone (seed 002 §3.1.6, "不能超过第二天").
     */
    public LocalDate latestFixDate(Instant raisedAt) {
        return calendar.addWorkingDays(raisedAt.atZone(calendar.zone()).toLocalDate(), 1);
    }

    /** When the budget runs out, pauses so far included; empty while the timer is paused. */
    public Optional<Instant> due(SlaTimer timer, Instant now) {
        if (timer.paused()) {
            return Optional.empty();
        }
        return whenElapsed(timer, timer.budget(), now);
    }

    /**
     * The instant at which the timer will have counted {@code amount} of business time, if it keeps
     * running from {@code now}; empty while paused.
     */
    public Optional<Instant> whenElapsed(SlaTimer timer, Duration amount, Instant now) {
        if (timer.paused()) {
            return Optional.empty();
        }
        return Optional.of(calendar.addBusinessTime(timer.startedAt(), amount, businessHours, timer.pausesUntil(end(timer, now))));
    }

    /** Business time the timer has counted at {@code now} (up to its stop), pauses excluded; never negative. */
    public Duration elapsed(SlaTimer timer, Instant now) {
        var end = end(timer, now);
        if (!end.isAfter(timer.startedAt())) {
            return Duration.ZERO;
        }
        return calendar.businessTimeBetween(timer.startedAt(), end, businessHours, timer.pausesUntil(end));
    }

    /** Budget minus elapsed: negative once breached. */
    public Duration remaining(SlaTimer timer, Instant now) {
        return timer.budget().minus(elapsed(timer, now));
    }

    /** Whether stopping the timer at {@code at} keeps it within its budget (exactly on the due instant is in time). */
    public boolean metAt(SlaTimer timer, Instant at) {
        return elapsed(timer, at).compareTo(timer.budget()) <= 0;
    }

    /** Reads the timer at {@code now}; at or beyond {@code warnAt} of the budget a running timer is AT_RISK. */
    public SlaReading read(SlaTimer timer, Instant now, double warnAt) {
        var elapsed = elapsed(timer, now);
        var budget = timer.budget();
        double consumed = (double) elapsed.toNanos() / budget.toNanos();
        boolean over = elapsed.compareTo(budget) > 0;
        SlaStatus status;
        if (timer.stopped()) {
            status = over ? SlaStatus.MISSED : SlaStatus.MET;
        } else if (over) {
            status = SlaStatus.BREACHED;
        } else {
            status = consumed >= warnAt ? SlaStatus.AT_RISK : SlaStatus.ON_TRACK;
        }
        return new SlaReading(timer.kind(), budget, elapsed, budget.minus(elapsed), due(timer, now), consumed,
                timer.paused(), status);
    }

    private static Instant end(SlaTimer timer, Instant now) {
        return timer.stoppedAt().filter(stop -> stop.isBefore(now)).orElse(now);
    }
}
