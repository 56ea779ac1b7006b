package com.huifang.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

/**
 * The reference: the calendar's rules written as plainly as possible, one day (and one window) at a
 * time, straight from the raw data. Deliberately slow; the property tests prove {@link WorkingCalendar}
 * gives the same answers, and the benchmark measures against it.
 */
public final class NaiveWorkingCalendar {

    private final ZoneId zone;
    private final Set<DayOfWeek> weeklyWorkingDays;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkingDays;
    private final Set<Integer> knownYears;

    public NaiveWorkingCalendar(ZoneId zone, Set<DayOfWeek> weeklyWorkingDays, Set<LocalDate> holidays,
            Set<LocalDate> makeUpWorkingDays, Set<Integer> knownYears) {
        this.zone = zone;
        this.weeklyWorkingDays = Set.copyOf(weeklyWorkingDays);
        this.holidays = Set.copyOf(holidays);
        this.makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
        this.knownYears = Set.copyOf(knownYears);
    }

    /** The same data as {@code calendar}, read through its plain accessors only. */
    public static NaiveWorkingCalendar of(WorkingCalendar calendar) {
        return new NaiveWorkingCalendar(calendar.zone(), calendar.weeklyWorkingDays(), calendar.publicHolidays(),
                calendar.makeUpWorkingDays(), calendar.knownYears());
    }

    private void requireKnown(LocalDate date) {
        if (!knownYears.contains(date.getYear())) {
            throw new UnknownCalendarYearException(date.getYear());
        }
    }

    public boolean isWorkingDay(LocalDate date) {
        requireKnown(date);
        if (makeUpWorkingDays.contains(date)) {
            return true;
        }
        return weeklyWorkingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    public LocalDate nextWorkingDayOnOrAfter(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    public LocalDate previousWorkingDayOnOrBefore(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    public LocalDate addWorkingDays(LocalDate date, int n) {
        requireKnown(date);
        if (n == 0) {
            return nextWorkingDayOnOrAfter(date);
        }
        int step = n > 0 ? 1 : -1;
        int remaining = Math.abs(n);
        LocalDate d = date;
        while (remaining > 0) {
            d = d.plusDays(step);
            if (isWorkingDay(d)) {
                remaining--;
            }
        }
        return d;
    }

    public int workingDaysBetween(LocalDate from, LocalDate to) {
        requireKnown(from);
        requireKnown(to);
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /** The documented rule: the first instant at which the wall clock shows {@code time} or later. */
    public Instant instantOf(LocalDate date, LocalTime time) {
        LocalDateTime local = LocalDateTime.of(date, time);
        ZonedDateTime zoned = ZonedDateTime.of(local, zone); // earlier offset in an overlap
        if (!zoned.toLocalDateTime().equals(local)) {
            // in a gap: the wall clock jumps from before `time` to after it at the transition
            return zone.getRules().getTransition(local).getInstant();
        }
        return zoned.toInstant();
    }

    private boolean windowsOpen(LocalDate date, boolean allowNonWorkingDays) {
        return allowNonWorkingDays || isWorkingDay(date);
    }

    public Instant nextWindowStart(Instant at, DailyWindows windows, boolean allowNonWorkingDays) {
        for (LocalDate d = LocalDate.ofInstant(at, zone); ; d = d.plusDays(1)) {
            if (!windowsOpen(d, allowNonWorkingDays)) {
                continue;
            }
            for (TimeWindow w : windows.windows()) {
                Instant start = instantOf(d, w.start());
                Instant end = instantOf(d, w.end());
                if (at.isBefore(start)) {
                    return start;
                }
                if (at.isBefore(end)) {
                    return at;
                }
            }
        }
    }

    public Duration businessTimeBetween(Instant from, Instant to, DailyWindows hours) {
        if (to.isBefore(from)) {
            return businessTimeBetween(to, from, hours).negated();
        }
        Duration total = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate d = LocalDate.ofInstant(from, zone); !d.isAfter(last); d = d.plusDays(1)) {
            if (!isWorkingDay(d)) {
                continue;
            }
            for (TimeWindow w : hours.windows()) {
                Instant a = max(from, instantOf(d, w.start()));
                Instant b = min(to, instantOf(d, w.end()));
                if (a.isBefore(b)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total;
    }

    public Duration businessTimeBetween(Instant from, Instant to, DailyWindows hours, List<Pause> pauses) {
        // Second-by-second would be too slow even for a reference; instead cut [from, to) at every pause
        // boundary and count the pieces that no pause covers.
        java.util.TreeSet<Instant> cuts = new java.util.TreeSet<>(List.of(from, to));
        for (Pause p : pauses) {
            if (p.from().isAfter(from) && p.from().isBefore(to)) {
                cuts.add(p.from());
            }
            if (p.to().isAfter(from) && p.to().isBefore(to)) {
                cuts.add(p.to());
            }
        }
        Duration total = Duration.ZERO;
        Instant previous = null;
        for (Instant cut : cuts) {
            if (previous != null) {
                Instant a = previous;
                boolean paused = pauses.stream().anyMatch(p -> !p.from().isAfter(a) && p.to().isAfter(a));
                if (!paused) {
                    total = total.plus(businessTimeBetween(a, cut, hours));
                }
            }
            previous = cut;
        }
        return total;
    }

    public Instant addBusinessTime(Instant start, Duration amount, DailyWindows hours) {
        if (amount.isZero()) {
            return start;
        }
        Duration remaining = amount;
        for (LocalDate d = LocalDate.ofInstant(start, zone); ; d = d.plusDays(1)) {
            if (!isWorkingDay(d)) {
                continue;
            }
            for (TimeWindow w : hours.windows()) {
                Instant a = max(start, instantOf(d, w.start()));
                Instant b = instantOf(d, w.end());
                if (!a.isBefore(b)) {
                    continue;
                }
                Duration length = Duration.between(a, b);
                if (remaining.compareTo(length) <= 0) {
                    return a.plus(remaining);
                }
                remaining = remaining.minus(length);
            }
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
