package com.huifang.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The windows of one day, ordered and non-overlapping: calling windows such as 10:00–12:00 and
 * 15:00–17:00, or business hours 09:00–18:00. Immutable; seconds-of-day are precomputed because
 * the calendar reads them millions of times per second.
 */
public final class DailyWindows {

    private final List<TimeWindow> windows;
    /** Start and end of each window in seconds of the day, in order. */
    final int[] startSecond;
    final int[] endSecond;
    /** Sum of the nominal window lengths, in nanoseconds. */
    final long nominalNanosPerDay;

    private DailyWindows(List<TimeWindow> windows) {
        this.windows = List.copyOf(windows);
        int n = windows.size();
        startSecond = new int[n];
        endSecond = new int[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            TimeWindow w = windows.get(i);
            startSecond[i] = w.start().toSecondOfDay();
            endSecond[i] = w.endSecondOfDay();
            total += (endSecond[i] - startSecond[i]) * 1_000_000_000L;
        }
        nominalNanosPerDay = total;
    }

    /**
     * Windows in any order; they are sorted. Overlapping windows are rejected (they are almost
     * always a typo, and merging them would hide it); touching windows are allowed.
     *
     * @throws IllegalArgumentException if there is no window or two windows overlap
     */
    public static DailyWindows of(TimeWindow... windows) {
        return of(Arrays.asList(windows));
    }

    /** As {@link #of(TimeWindow...)}. */
    public static DailyWindows of(List<TimeWindow> windows) {
        Objects.requireNonNull(windows, "windows");
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("at least one time window is required");
        }
        List<TimeWindow> sorted = new ArrayList<>(windows);
        sorted.forEach(w -> Objects.requireNonNull(w, "window"));
        sorted.sort(Comparator.comparing(TimeWindow::start));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                throw new IllegalArgumentException(
                        "time windows " + sorted.get(i - 1) + " and " + sorted.get(i) + " overlap");
            }
        }
        return new DailyWindows(sorted);
    }

    /** Parses {@code "10:00-12:00, 15:00-17:00"}. */
    public static DailyWindows parse(String text) {
        List<TimeWindow> list = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                list.add(TimeWindow.parse(part));
            }
        }
        return of(list);
    }

    /** One window from {@code start} to {@code end}, e.g. business hours 09:00–18:00. */
    public static DailyWindows single(LocalTime start, LocalTime end) {
        return of(new TimeWindow(start, end));
    }

    /** The windows, ordered by start. */
    public List<TimeWindow> windows() {
        return windows;
    }

    /** Whether a local time is inside one of the windows. */
    public boolean contains(LocalTime time) {
        int s = time.toSecondOfDay();
        for (int i = 0; i < startSecond.length; i++) {
            if (s >= startSecond[i] && s < endSecond[i]) {
                return true;
            }
        }
        return false;
    }

    /** Total nominal length of the windows of a day (a day with a DST transition may differ). */
    public Duration nominalLengthPerDay() {
        return Duration.ofNanos(nominalNanosPerDay);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DailyWindows other && windows.equals(other.windows);
    }

    @Override
    public int hashCode() {
        return windows.hashCode();
    }

    @Override
    public String toString() {
        return windows.toString();
    }
}
