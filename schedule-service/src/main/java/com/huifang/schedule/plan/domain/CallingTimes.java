package com.huifang.schedule.plan.domain;

import com.huifang.calendar.DailyWindows;
import com.huifang.calendar.TimeWindow;
import com.huifang.calendar.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

/**
 * Calling slots of one visit: the tenant calendar's working days combined with the visit's
 * effective windows (customer's preferred hours, else the stage's, else the calendar's default).
 * "Another time of day" needs the index of the window a try fell in, which the calendar does not
 * expose, so the window walk is done here on top of the calendar's working-day primitives.
 */
public final class CallingTimes {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Beyond this many days without a working day the calendar data is wrong: fail loudly. */
    private static final int MAX_DAYS_SEARCHED = 400;

    private final WorkingCalendar calendar;
    private final ZoneId zone;
    private final List<TimeWindow> windows;
    private final boolean allowNonWorkingDays;

    public CallingTimes(WorkingCalendar calendar, DailyWindows windows, boolean allowNonWorkingDays) {
        this.calendar = calendar;
        this.zone = calendar.zone();
        this.windows = windows.windows();
        this.allowNonWorkingDays = allowNonWorkingDays;
    }

    public ZoneId zone() {
        return zone;
    }

    public List<TimeWindow> windows() {
        return windows;
    }

    /** The time itself if inside a window on an allowed day, else the next window start on an allowed day. */
    public Instant firstSlotOnOrAfter(Instant t, Consumer<String> explain) {
        LocalDateTime local = LocalDateTime.ofInstant(t, zone);
        LocalDate day = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        for (int i = 0; i < MAX_DAYS_SEARCHED; i++) {
            if (!allowed(day)) {
                LocalDate next = allowNonWorkingDays ? day : calendar.nextWorkingDayOnOrAfter(day);
                explain.accept(DAY.format(day) + " is " + nonWorkingReason(day) + " → next working day " + DAY.format(next));
                day = next;
                time = LocalTime.MIDNIGHT;
            }
            for (TimeWindow w : windows) {
                if (w.contains(time)) {
                    return at(day, time);
                }
                if (time.isBefore(w.start())) {
                    Instant slot = at(day, w.start());
                    explain.accept((i == 0 && time != LocalTime.MIDNIGHT ? DAY.format(day) + " " + time + " outside windows → " : "")
                            + "window " + w + " → " + MINUTE.format(LocalDateTime.ofInstant(slot, zone)));
                    return slot;
                }
            }
            explain.accept(DAY.format(day) + " " + time + " after the last window → next day");
            day = day.plusDays(1);
            time = LocalTime.MIDNIGHT;
        }
        throw new IllegalStateException("no calling slot within " + MAX_DAYS_SEARCHED + " days of " + t);
    }

    public Instant firstSlotOnOrAfter(Instant t) {
        return firstSlotOnOrAfter(t, s -> { });
    }

    /**
     * The next try "at another time of day": the start of the next window, after {@code t}, that is
     * not the window {@code t} fell in; on the next allowed day if none is left today. With a single
     * window that is the same window on the next allowed day.
     */
    public Instant nextSlotInAnotherWindow(Instant t) {
        LocalDateTime local = LocalDateTime.ofInstant(t, zone);
        int current = windowIndex(local.toLocalTime());
        LocalDate day = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        for (int i = 0; i < MAX_DAYS_SEARCHED; i++) {
            if (allowed(day)) {
                for (int w = 0; w < windows.size(); w++) {
                    TimeWindow win = windows.get(w);
                    boolean later = i > 0 || win.start().isAfter(time);
                    boolean another = w != current || i > 0 && windows.size() == 1;
                    if (later && another) {
                        return at(day, win.start());
                    }
                }
            }
            day = day.plusDays(1);
        }
        throw new IllegalStateException("no calling slot within " + MAX_DAYS_SEARCHED + " days of " + t);
    }

    /** The first window start on the next allowed day after {@code t}'s day. */
    public Instant firstSlotOfNextDay(Instant t) {
        LocalDate next = LocalDateTime.ofInstant(t, zone).toLocalDate().plusDays(1);
        return firstSlotOnOrAfter(at(next, LocalTime.MIDNIGHT));
    }

    /** Index of the window containing the local time, or −1. */
    public int windowIndex(LocalTime time) {
        for (int w = 0; w < windows.size(); w++) {
            if (windows.get(w).contains(time)) {
                return w;
            }
        }
        return -1;
    }

    public int windowIndex(Instant t) {
        return windowIndex(LocalDateTime.ofInstant(t, zone).toLocalTime());
    }

    public boolean allowed(LocalDate day) {
        return allowNonWorkingDays || calendar.isWorkingDay(day);
    }

    private String nonWorkingReason(LocalDate day) {
        return calendar.holidayName(day).map(n -> "a public holiday (" + n + ")").orElse("a rest day");
    }

    private Instant at(LocalDate day, LocalTime time) {
        // a local time inside a DST gap resolves forward (02:30 on a spring-forward day → 03:30)
        return ZonedDateTime.of(day, time, zone).toInstant();
    }
}
