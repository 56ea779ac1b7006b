package com.huifang.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A time-of-day window, half-open {@code [start, end)} in the calendar's local time, e.g. the
 * calling window 10:00–12:00 or business hours 09:00–18:00. A window does not cross midnight; an
 * {@code end} of 00:00 means midnight at the end of the day (24:00), so 00:00–00:00 is the whole day.
 */
public record TimeWindow(LocalTime start, LocalTime end) {

    public TimeWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end) && !end.equals(LocalTime.MIDNIGHT)) {
            throw new IllegalArgumentException("time window start " + start + " must be before its end " + end);
        }
        if (start.getNano() != 0 || end.getNano() != 0) {
            // whole seconds keep the per-day tables integral; nobody schedules calls to the nanosecond
            throw new IllegalArgumentException("time window " + start + "-" + end + " must be in whole seconds");
        }
    }

    /** {@code TimeWindow.of("10:00", "12:00")}. */
    public static TimeWindow of(String start, String end) {
        return new TimeWindow(LocalTime.parse(start), LocalTime.parse(end));
    }

    /** Parses {@code "10:00-12:00"} (an en dash or "–" is accepted too). */
    public static TimeWindow parse(String text) {
        String[] parts = text.trim().split("\\s*[-–]\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("time window '" + text + "' is not of the form HH:mm-HH:mm");
        }
        return new TimeWindow(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
    }

    /** Whether {@code time} is inside the window (start inclusive, end exclusive). */
    public boolean contains(LocalTime time) {
        return !time.isBefore(start) && (time.isBefore(end) || endsAtMidnight());
    }

    /** Whether the window runs to the end of the day (its end is written 00:00 and means 24:00). */
    public boolean endsAtMidnight() {
        return end.equals(LocalTime.MIDNIGHT);
    }

    /** The end in seconds of the day: 86 400 for a window running to midnight. */
    int endSecondOfDay() {
        return endsAtMidnight() ? 86_400 : end.toSecondOfDay();
    }

    /** Nominal length, ignoring daylight-saving transitions. */
    public Duration length() {
        return Duration.ofSeconds(endSecondOfDay() - start.toSecondOfDay());
    }

    /** Whether the two windows share any instant of the day (touching windows do not overlap). */
    public boolean overlaps(TimeWindow other) {
        return start.toSecondOfDay() < other.endSecondOfDay() && other.start.toSecondOfDay() < endSecondOfDay();
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
