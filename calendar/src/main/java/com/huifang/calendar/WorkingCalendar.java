package com.huifang.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A tenant's working calendar: its time zone (default Asia/Shanghai), weekly working days (default
 * Monday–Friday), public holidays, make-up working days (调休上班: a weekly rest day on which people
 * work) and the years for which that data is known.
 *
 * <p><b>Working day.</b> A date is a working day when it is a make-up working day, or when it is a
 * weekly working day and not a public holiday. Every date of a holiday range is a rest day whatever
 * its weekday (国务院办公厅关于部分节假日安排的通知, see {@code calendars/cn-public-holidays.yaml}).
 *
 * <p><b>Unknown years.</b> Any computation that needs a date in a year the calendar does not know
 * throws {@link UnknownCalendarYearException}; it never guesses from weekdays alone.
 *
 * <p><b>Time.</b> Instants are UTC; dates and times of day are local to {@link #zone()}. Where a
 * local time does not exist or exists twice because of a daylight-saving transition, it maps to
 * <em>the first instant at which the wall clock shows that time or later</em>: a window start in a
 * spring-forward gap (Europe/Berlin 02:30 on the last Sunday of March) opens at the transition
 * instant (03:00 CEST); a time repeated on fall-back day resolves to its earlier occurrence (the
 * summer-time offset). Zones without transitions in the known years, such as Asia/Shanghai, take a
 * pure-arithmetic fast path.
 *
 * <p><b>Performance.</b> Immutable and thread-safe. Working days are precomputed as a bitset with
 * prefix counts and an ordinal → date table over the known years, so {@link #addWorkingDays} and
 * {@link #workingDaysBetween} are O(1) and business-time arithmetic skips whole days at once.
 */
public final class WorkingCalendar {

    /** Asia/Shanghai, the default tenant zone (ARCHITECTURE.md, "Time and calendars"). */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int SECONDS_PER_DAY = 86_400;
    /** Keeps epoch nanoseconds of every known date inside a {@code long}. */
    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2200;

    private final ZoneId zone;
    private final ZoneRules rules;
    private final Set<DayOfWeek> weeklyWorkingDays;
    private final NavigableSet<LocalDate> publicHolidays;
    private final NavigableSet<LocalDate> makeUpWorkingDays;
    private final Map<LocalDate, String> holidayNames;
    private final NavigableSet<Integer> knownYears;

    // Dense tables over [1 Jan firstYear, 31 Dec lastYear]; days of unknown years in between are rest days
    // in the tables and are rejected by the range checks.
    private final int firstYear;
    private final int lastYear;
    private final long firstEpochDay;
    private final int dayCount;
    private final boolean hasGaps;
    private final long[] knownBits;
    private final long[] workingBits;
    /** workingBefore[i] = number of working days among day indexes [0, i); length dayCount + 1. */
    private final int[] workingBefore;
    /** workingDayIndex[k] = day index of the k-th (0-based) working day. */
    private final int[] workingDayIndex;
    /** The date of each day index, so that answers are read, not rebuilt from an epoch day. */
    private final LocalDate[] dates;

    // Time zone: a fixed offset over the tables' span when the zone has no transition there.
    private final boolean fixedOffset;
    private final int offsetSeconds;
    private final long fixedFromEpochSecond;
    private final long fixedToEpochSecond;
    /** Day indexes (sorted) on which a zone offset transition happens; empty for fixed-offset zones. */
    private final int[] transitionDays;

    private WorkingCalendar(Builder b) {
        this.zone = b.zone;
        this.rules = zone.getRules();
        this.weeklyWorkingDays = Collections.unmodifiableSet(EnumSet.copyOf(b.weeklyWorkingDays));
        this.publicHolidays = Collections.unmodifiableNavigableSet(new TreeSet<>(b.holidays.keySet()));
        this.makeUpWorkingDays = Collections.unmodifiableNavigableSet(new TreeSet<>(b.makeUpWorkingDays));
        this.holidayNames = Collections.unmodifiableMap(new HashMap<>(b.holidays));
        this.knownYears = Collections.unmodifiableNavigableSet(new TreeSet<>(b.knownYears));

        this.firstYear = knownYears.first();
        this.lastYear = knownYears.last();
        this.firstEpochDay = LocalDate.of(firstYear, 1, 1).toEpochDay();
        this.dayCount = (int) (LocalDate.of(lastYear, 12, 31).toEpochDay() - firstEpochDay + 1);
        this.hasGaps = knownYears.size() != lastYear - firstYear + 1;
        this.knownBits = new long[(dayCount + 63) >>> 6];
        this.workingBits = new long[(dayCount + 63) >>> 6];
        this.workingBefore = new int[dayCount + 1];
        int[] ordinals = new int[dayCount];
        this.dates = new LocalDate[dayCount];
        int working = 0;
        for (int i = 0; i < dayCount; i++) {
            LocalDate date = LocalDate.ofEpochDay(firstEpochDay + i);
            dates[i] = date;
            workingBefore[i] = working;
            if (knownYears.contains(date.getYear())) {
                knownBits[i >>> 6] |= 1L << i;
                if (workingByDefinition(date)) {
                    workingBits[i >>> 6] |= 1L << i;
                    ordinals[working++] = i;
                }
            }
        }
        workingBefore[dayCount] = working;
        this.workingDayIndex = Arrays.copyOf(ordinals, working);

        // One day of margin on each side: local dates at the edges start/end in the neighbouring UTC day.
        long from = (firstEpochDay - 1) * SECONDS_PER_DAY;
        long to = (firstEpochDay + dayCount + 1) * SECONDS_PER_DAY;
        ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochSecond(from));
        this.fixedOffset = next == null || next.getInstant().getEpochSecond() >= to;
        this.offsetSeconds = rules.getOffset(Instant.ofEpochSecond(from)).getTotalSeconds();
        this.fixedFromEpochSecond = from;
        this.fixedToEpochSecond = to;
        List<Integer> transitions = new ArrayList<>();
        for (ZoneOffsetTransition t = next; t != null && t.getInstant().getEpochSecond() < to;
                t = rules.nextTransition(t.getInstant())) {
            for (LocalDate d : List.of(t.getDateTimeBefore().toLocalDate(), t.getDateTimeAfter().toLocalDate())) {
                int idx = (int) (d.toEpochDay() - firstEpochDay);
                if (idx >= 0 && idx < dayCount && !transitions.contains(idx)) {
                    transitions.add(idx);
                }
            }
        }
        this.transitionDays = transitions.stream().sorted().mapToInt(Integer::intValue).toArray();
    }

    private boolean workingByDefinition(LocalDate date) {
        return makeUpWorkingDays.contains(date)
                || (weeklyWorkingDays.contains(date.getDayOfWeek()) && !publicHolidays.contains(date));
    }

    /** A builder for tests and tenant-defined calendars: zone Asia/Shanghai, Monday–Friday, no years yet. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this calendar's data, to add holidays or merge uploaded years. */
    public Builder toBuilder() {
        Builder b = new Builder().zone(zone).weeklyWorkingDays(weeklyWorkingDays);
        b.knownYears.addAll(knownYears);
        b.holidays.putAll(holidayNames);
        b.makeUpWorkingDays.addAll(makeUpWorkingDays);
        return b;
    }

    // ---------------------------------------------------------------- data

    /** The tenant's time zone; local dates and times of day are read in it. */
    public ZoneId zone() {
        return zone;
    }

    /** The weekly working days (Monday–Friday by default). */
    public Set<DayOfWeek> weeklyWorkingDays() {
        return weeklyWorkingDays;
    }

    /** Every public holiday date (rest day) of the calendar. */
    public SortedSet<LocalDate> publicHolidays() {
        return publicHolidays;
    }

    /** Every make-up working day (调休上班) of the calendar. */
    public SortedSet<LocalDate> makeUpWorkingDays() {
        return makeUpWorkingDays;
    }

    /** The years for which holidays and make-up working days are known. */
    public SortedSet<Integer> knownYears() {
        return knownYears;
    }

    /** Whether the calendar knows {@code year}. */
    public boolean knowsYear(int year) {
        return knownYears.contains(year);
    }

    /** The name of the holiday {@code date} belongs to (e.g. "国庆节、中秋节 National Day and Mid-Autumn"), for explanations. */
    public Optional<String> holidayName(LocalDate date) {
        return Optional.ofNullable(holidayNames.get(date));
    }

    /** Whether {@code date} is a make-up working day (a weekly rest day that is worked). */
    public boolean isMakeUpWorkingDay(LocalDate date) {
        return makeUpWorkingDays.contains(date);
    }

    /** Whether {@code date} is a public holiday. */
    public boolean isPublicHoliday(LocalDate date) {
        return holidayNames.containsKey(date);
    }

    // ---------------------------------------------------------------- local time

    /** The local date of {@code at} in the calendar's zone. */
    public LocalDate localDate(Instant at) {
        return LocalDate.ofEpochDay(localEpochDay(at));
    }

    /**
     * The instant of local {@code time} on {@code date} in the calendar's zone, by the rule of this
     * class: the first instant at which the wall clock shows {@code time} or later (a time in a
     * spring-forward gap gives the transition instant, a repeated time its earlier occurrence).
     */
    public Instant instantAt(LocalDate date, LocalTime time) {
        if (time.getNano() != 0) {
            return instantAt(date, time.withNano(0)).plusNanos(time.getNano());
        }
        return Instant.ofEpochSecond(epochSecondAt(date.toEpochDay(), time.toSecondOfDay()));
    }

    // ---------------------------------------------------------------- working days

    /**
     * Whether {@code date} is a working day.
     *
     * @throws UnknownCalendarYearException if the calendar does not know the date's year
     */
    public boolean isWorkingDay(LocalDate date) {
        return isWorkingIndex(indexOf(date));
    }

    /**
     * {@code date} itself if it is a working day, else the first working day after it.
     *
     * @throws UnknownCalendarYearException if the answer lies in (or past) a year the calendar does not know
     */
    public LocalDate nextWorkingDayOnOrAfter(LocalDate date) {
        return dateOf(nextWorkingIndexOnOrAfter(indexOf(date)));
    }

    /**
     * {@code date} itself if it is a working day, else the last working day before it.
     *
     * @throws UnknownCalendarYearException if the answer lies in (or before) a year the calendar does not know
     */
    public LocalDate previousWorkingDayOnOrBefore(LocalDate date) {
        int i = indexOf(date);
        int k = workingBefore[i + 1] - 1;
        if (k < 0) {
            throw new UnknownCalendarYearException(firstYear - 1);
        }
        int result = workingDayIndex[k];
        requireKnownBetween(result, i);
        return dateOf(result);
    }

    /**
     * Moves {@code n} working days from {@code date}: {@code +1} is the first working day after
     * {@code date}, {@code -1} the last working day before it (whether or not {@code date} is itself a
     * working day); {@code 0} is {@link #nextWorkingDayOnOrAfter} ("within 0 working days" still needs
     * a working day). The result is always a working day. "Within 5 working days of signing" on
     * Friday 2025-09-26 is {@code addWorkingDays(2025-09-26, 5)} = 2025-10-10 (National Day and the
     * make-up Sunday 2025-09-28 accounted for).
     *
     * @throws UnknownCalendarYearException if the walk reaches a year the calendar does not know
     */
    public LocalDate addWorkingDays(LocalDate date, int n) {
        int i = indexOf(date);
        if (n == 0) {
            return dateOf(nextWorkingIndexOnOrAfter(i));
        }
        long k = n > 0 ? (long) workingBefore[i + 1] + n - 1 : (long) workingBefore[i] + n;
        if (k >= workingDayIndex.length) {
            throw new UnknownCalendarYearException(lastYear + 1);
        }
        if (k < 0) {
            throw new UnknownCalendarYearException(firstYear - 1);
        }
        int result = workingDayIndex[(int) k];
        requireKnownBetween(Math.min(i, result), Math.max(i, result));
        return dateOf(result);
    }

    /**
     * The number of working days {@code d} with {@code from < d <= to}; negative (the count of
     * {@code to < d <= from}) when {@code to} is before {@code from}. So for {@code n > 0},
     * {@code workingDaysBetween(d, addWorkingDays(d, n)) == n}.
     *
     * @throws UnknownCalendarYearException if a year between the two dates is unknown
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int a = indexOf(from);
        int b = indexOf(to);
        requireKnownBetween(Math.min(a, b), Math.max(a, b));
        return workingBefore[b + 1] - workingBefore[a + 1];
    }

    // ---------------------------------------------------------------- windows

    /**
     * When a call due at {@code at} may happen: {@code at} itself if it is inside one of the windows
     * on a working day, else the start of the next window on a working day (local time in
     * {@link #zone()}).
     *
     * @throws UnknownCalendarYearException if the search reaches a year the calendar does not know
     */
    public Instant nextWindowStart(Instant at, DailyWindows windows) {
        return nextWindowStart(at, windows, false);
    }

    /**
     * As {@link #nextWindowStart(Instant, DailyWindows)}; with {@code allowNonWorkingDays} every day
     * has the windows (a plan whose visits may happen on weekends and holidays), and no year data is
     * needed.
     */
    public Instant nextWindowStart(Instant at, DailyWindows windows, boolean allowNonWorkingDays) {
        Objects.requireNonNull(at, "at");
        long second = at.getEpochSecond();
        long day = localEpochDay(at);
        if (!allowNonWorkingDays) {
            day = nextWorkingEpochDayOnOrAfter(day);
        }
        int[] starts = windows.startSecond;
        int[] ends = windows.endSecond;
        while (true) {
            for (int i = 0; i < starts.length; i++) {
                long start = epochSecondAt(day, starts[i]);
                if (second < start) {
                    return Instant.ofEpochSecond(start);
                }
                if (second < epochSecondAt(day, ends[i])) {
                    return at;
                }
            }
            day = allowNonWorkingDays ? day + 1 : nextWorkingEpochDayOnOrAfter(day + 1);
        }
    }

    /** Whether {@code at} is inside one of the windows on a working day. */
    public boolean isWithinWindows(Instant at, DailyWindows windows) {
        return nextWindowStart(at, windows).equals(at);
    }

    // ---------------------------------------------------------------- business time

    /**
     * The earliest instant at which {@code amount} of business time has elapsed since {@code start},
     * counting only time inside {@code businessHours} on working days. Two hours from Friday 17:30
     * with 09:00–18:00 hours is Monday 10:30 (or the next working day's 10:30 if Monday is a holiday;
     * a make-up Sunday counts). A zero amount returns {@code start}; an amount that ends exactly at a
     * window's end returns that end, not the next window's start.
     *
     * @throws IllegalArgumentException if {@code amount} is negative
     * @throws UnknownCalendarYearException if the count reaches a year the calendar does not know
     */
    public Instant addBusinessTime(Instant start, Duration amount, DailyWindows businessHours) {
        return addBusinessNanos(start, toNanos(amount), businessHours);
    }

    /**
     * As {@link #addBusinessTime(Instant, Duration, DailyWindows)} with the timer stopped during
     * {@code pauses}: the earliest instant {@code t} with
     * {@code businessTimeBetween(start, t, businessHours, pauses) == amount}.
     */
    public Instant addBusinessTime(Instant start, Duration amount, DailyWindows businessHours, List<Pause> pauses) {
        long remaining = toNanos(amount);
        if (remaining == 0) {
            return start;
        }
        Instant cursor = start;
        for (Pause pause : merge(pauses)) {
            if (!pause.to().isAfter(cursor)) {
                continue;
            }
            Instant pauseFrom = pause.from().isAfter(cursor) ? pause.from() : cursor;
            long available = businessNanosBetween(cursor, pauseFrom, businessHours);
            if (available >= remaining) {
                return addBusinessNanos(cursor, remaining, businessHours);
            }
            remaining -= available;
            cursor = pause.to();
        }
        return addBusinessNanos(cursor, remaining, businessHours);
    }

    /**
     * Business time from {@code from} to {@code to}: the time inside {@code businessHours} on working
     * days; negative when {@code to} is before {@code from}.
     *
     * @throws UnknownCalendarYearException if a year between the two instants is unknown
     */
    public Duration businessTimeBetween(Instant from, Instant to, DailyWindows businessHours) {
        return Duration.ofNanos(businessNanosBetween(from, to, businessHours));
    }

    /**
     * As {@link #businessTimeBetween(Instant, Instant, DailyWindows)} minus the business time of the
     * {@code pauses} (clipped to the interval; overlapping pauses count once).
     */
    public Duration businessTimeBetween(Instant from, Instant to, DailyWindows businessHours, List<Pause> pauses) {
        if (to.isBefore(from)) {
            return businessTimeBetween(to, from, businessHours, pauses).negated();
        }
        long total = businessNanosBetween(from, to, businessHours);
        for (Pause pause : merge(pauses)) {
            Instant a = pause.from().isAfter(from) ? pause.from() : from;
            Instant b = pause.to().isBefore(to) ? pause.to() : to;
            if (a.isBefore(b)) {
                total -= businessNanosBetween(a, b, businessHours);
            }
        }
        return Duration.ofNanos(total);
    }

    // ---------------------------------------------------------------- internals: days

    private int indexOf(LocalDate date) {
        int year = date.getYear();
        if (year < firstYear || year > lastYear || (hasGaps && !knownYears.contains(year))) {
            throw new UnknownCalendarYearException(year);
        }
        return (int) (date.toEpochDay() - firstEpochDay);
    }

    private int indexOfEpochDay(long epochDay) {
        long i = epochDay - firstEpochDay;
        if (i < 0 || i >= dayCount || (hasGaps && (knownBits[(int) (i >>> 6)] & (1L << i)) == 0)) {
            throw new UnknownCalendarYearException(LocalDate.ofEpochDay(epochDay).getYear());
        }
        return (int) i;
    }

    private LocalDate dateOf(int index) {
        return dates[index];
    }

    private boolean isWorkingIndex(int i) {
        return (workingBits[i >>> 6] & (1L << i)) != 0;
    }

    private int nextWorkingIndexOnOrAfter(int i) {
        int k = workingBefore[i];
        if (k >= workingDayIndex.length) {
            throw new UnknownCalendarYearException(lastYear + 1);
        }
        int result = workingDayIndex[k];
        requireKnownBetween(i, result);
        return result;
    }

    private long nextWorkingEpochDayOnOrAfter(long epochDay) {
        return firstEpochDay + nextWorkingIndexOnOrAfter(indexOfEpochDay(epochDay));
    }

    /** Fails on the first unknown year between two day indexes (only possible when known years have gaps). */
    private void requireKnownBetween(int fromIndex, int toIndex) {
        if (!hasGaps) {
            return;
        }
        int fromYear = dateOf(fromIndex).getYear();
        int toYear = dateOf(toIndex).getYear();
        for (int y = fromYear; y <= toYear; y++) {
            if (!knownYears.contains(y)) {
                throw new UnknownCalendarYearException(y);
            }
        }
    }

    // ---------------------------------------------------------------- internals: time zone

    /** The local date, as an epoch day, of an instant. */
    private long localEpochDay(Instant at) {
        long second = at.getEpochSecond();
        int offset = fixedOffset && second >= fixedFromEpochSecond && second < fixedToEpochSecond
                ? offsetSeconds
                : rules.getOffset(at).getTotalSeconds();
        return Math.floorDiv(second + offset, SECONDS_PER_DAY);
    }

    /**
     * The epoch second at which the wall clock first shows {@code secondOfDay} (or later) on local
     * {@code epochDay}: a time in a spring-forward gap maps to the transition instant; a time repeated
     * at fall-back maps to its earlier occurrence.
     */
    private long epochSecondAt(long epochDay, int secondOfDay) {
        if (secondOfDay == SECONDS_PER_DAY) {
            return epochSecondAt(epochDay + 1, 0); // a window ending at 24:00 ends at the next day's 00:00
        }
        long local = epochDay * SECONDS_PER_DAY + secondOfDay;
        if (fixedOffset) {
            long utc = local - offsetSeconds;
            if (utc >= fixedFromEpochSecond && utc < fixedToEpochSecond) {
                return utc;
            }
        }
        LocalDateTime dateTime = LocalDateTime.of(LocalDate.ofEpochDay(epochDay), LocalTime.ofSecondOfDay(secondOfDay));
        ZoneOffsetTransition transition = rules.getTransition(dateTime);
        if (transition == null) {
            return local - rules.getOffset(dateTime).getTotalSeconds();
        }
        if (transition.isGap()) {
            return transition.getInstant().getEpochSecond();
        }
        ZoneOffset earlier = transition.getOffsetBefore();
        return local - earlier.getTotalSeconds();
    }

    // ---------------------------------------------------------------- internals: business time

    private static long toNanos(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("business time to add must not be negative: " + amount);
        }
        return amount.toNanos();
    }

    private long businessNanosBetween(Instant from, Instant to, DailyWindows hours) {
        long a = businessNanosBefore(from, hours);
        long b = businessNanosBefore(to, hours);
        requireKnownBetween(indexOfEpochDay(localEpochDay(from)), indexOfEpochDay(localEpochDay(to)));
        return b - a;
    }

    /** Business nanoseconds from the start of the first known day to {@code at}. */
    private long businessNanosBefore(Instant at, DailyWindows hours) {
        long day = localEpochDay(at);
        int i = indexOfEpochDay(day);
        long nanos = businessNanosBeforeDay(i, hours);
        if (isWorkingIndex(i)) {
            nanos += elapsedWithinDay(day, at, hours);
        }
        return nanos;
    }

    /** Business nanoseconds of all working days before day index {@code i}. */
    private long businessNanosBeforeDay(int i, DailyWindows hours) {
        long nanos = workingBefore[i] * hours.nominalNanosPerDay;
        for (int t : transitionDays) {
            if (t >= i) {
                break;
            }
            if (isWorkingIndex(t)) {
                nanos += businessNanosOfDay(firstEpochDay + t, hours) - hours.nominalNanosPerDay;
            }
        }
        return nanos;
    }

    /** Business nanoseconds before the k-th working day. */
    private long businessNanosBeforeWorkingDay(int k, DailyWindows hours) {
        return businessNanosBeforeDay(workingDayIndex[k], hours);
    }

    private long businessNanosOfDay(long epochDay, DailyWindows hours) {
        long nanos = 0;
        for (int w = 0; w < hours.startSecond.length; w++) {
            nanos += (epochSecondAt(epochDay, hours.endSecond[w]) - epochSecondAt(epochDay, hours.startSecond[w]))
                    * NANOS_PER_SECOND;
        }
        return nanos;
    }

    private long elapsedWithinDay(long epochDay, Instant at, DailyWindows hours) {
        long second = at.getEpochSecond();
        long nanos = 0;
        for (int w = 0; w < hours.startSecond.length; w++) {
            long start = epochSecondAt(epochDay, hours.startSecond[w]);
            if (second < start) {
                break;
            }
            long end = epochSecondAt(epochDay, hours.endSecond[w]);
            if (second >= end) {
                nanos += (end - start) * NANOS_PER_SECOND;
            } else {
                nanos += (second - start) * NANOS_PER_SECOND + at.getNano();
            }
        }
        return nanos;
    }

    private Instant addBusinessNanos(Instant start, long amount, DailyWindows hours) {
        if (amount == 0) {
            return start;
        }
        int startIndex = indexOfEpochDay(localEpochDay(start));
        long target = businessNanosBefore(start, hours) + amount;
        int last = workingDayIndex.length - 1;
        if (last < 0) {
            throw new UnknownCalendarYearException(lastYear + 1);
        }
        // Largest working-day ordinal k whose preceding business time is below the target; the estimate is
        // exact for zones without transitions and off by at most a step or two around DST changes.
        int k = (int) Math.min(last, (target - 1) / hours.nominalNanosPerDay);
        while (k < last && businessNanosBeforeWorkingDay(k + 1, hours) < target) {
            k++;
        }
        while (k > 0 && businessNanosBeforeWorkingDay(k, hours) >= target) {
            k--;
        }
        int dayIndex = workingDayIndex[k];
        long epochDay = firstEpochDay + dayIndex;
        long remaining = target - businessNanosBeforeWorkingDay(k, hours);
        for (int w = 0; w < hours.startSecond.length; w++) {
            long windowStart = epochSecondAt(epochDay, hours.startSecond[w]);
            long length = (epochSecondAt(epochDay, hours.endSecond[w]) - windowStart) * NANOS_PER_SECOND;
            if (remaining <= length) {
                requireKnownBetween(startIndex, dayIndex);
                return Instant.ofEpochSecond(windowStart, remaining);
            }
            remaining -= length;
        }
        // The last known working day is used up: the answer lies in the next, unknown year.
        throw new UnknownCalendarYearException(lastYear + 1);
    }

    private static List<Pause> merge(List<Pause> pauses) {
        List<Pause> sorted = new ArrayList<>(pauses);
        sorted.sort(Comparator.comparing(Pause::from));
        List<Pause> merged = new ArrayList<>(sorted.size());
        for (Pause p : sorted) {
            if (!merged.isEmpty() && !p.from().isAfter(merged.get(merged.size() - 1).to())) {
                Pause previous = merged.remove(merged.size() - 1);
                merged.add(new Pause(previous.from(), p.to().isAfter(previous.to()) ? p.to() : previous.to()));
            } else {
                merged.add(p);
            }
        }
        return merged;
    }

    @Override
    public String toString() {
        return "WorkingCalendar[" + zone + ", " + weeklyWorkingDays + ", years " + knownYears + "]";
    }

    // ---------------------------------------------------------------- builder

    /** Builds a {@link WorkingCalendar}; not thread-safe. */
    public static final class Builder {

        private ZoneId zone = DEFAULT_ZONE;
        private Set<DayOfWeek> weeklyWorkingDays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        private final TreeSet<Integer> knownYears = new TreeSet<>();
        private final TreeMap<LocalDate, String> holidays = new TreeMap<>();
        private final TreeSet<LocalDate> makeUpWorkingDays = new TreeSet<>();

        private Builder() {
        }

        /** The tenant's time zone (default Asia/Shanghai). */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * The weekly working days (default Monday–Friday), e.g. a clinic open Tuesday–Saturday. Make-up
         * working days already in the builder that now fall on a weekly working day are dropped: a
         * tenant working every Saturday has no Saturday to make up (an official 调休 Saturday is simply
         * one of its working days).
         */
        public Builder weeklyWorkingDays(Set<DayOfWeek> days) {
            if (days.isEmpty()) {
                throw new CalendarFormatException("a calendar needs at least one weekly working day");
            }
            this.weeklyWorkingDays = EnumSet.copyOf(days);
            makeUpWorkingDays.removeIf(d -> weeklyWorkingDays.contains(d.getDayOfWeek()));
            return this;
        }

        /** As {@link #weeklyWorkingDays(Set)}. */
        public Builder weeklyWorkingDays(DayOfWeek first, DayOfWeek... rest) {
            return weeklyWorkingDays(EnumSet.of(first, rest));
        }

        /** Declares a year known: its holidays and make-up working days are all in this builder. */
        public Builder knownYear(int year) {
            if (year < MIN_YEAR || year > MAX_YEAR) {
                throw new CalendarFormatException("year " + year + " is outside " + MIN_YEAR + "-" + MAX_YEAR);
            }
            knownYears.add(year);
            return this;
        }

        /** Declares every year from {@code first} to {@code last} known. */
        public Builder knownYears(int first, int last) {
            for (int y = first; y <= last; y++) {
                knownYear(y);
            }
            return this;
        }

        /** A one-day public holiday (a tenant's own rest day too, e.g. a company anniversary). */
        public Builder holiday(LocalDate date, String name) {
            return holidays(date, date, name);
        }

        /** Every date from {@code from} to {@code to} (inclusive) is a public holiday. */
        public Builder holidays(LocalDate from, LocalDate to, String name) {
            if (from.isAfter(to)) {
                throw new CalendarFormatException("holiday " + name + ": from " + from + " is after to " + to);
            }
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                holidays.put(d, name == null ? "" : name);
            }
            return this;
        }

        /** A weekly rest day that is worked (调休上班). */
        public Builder makeUpWorkingDay(LocalDate date) {
            makeUpWorkingDays.add(Objects.requireNonNull(date, "date"));
            return this;
        }

        /**
         * Replaces the data of every year {@code uploaded} knows with {@code uploaded}'s data (an admin
         * uploading next year, or correcting one) and marks those years known. The zone and weekly days
         * of this builder are kept.
         */
        public Builder mergeYears(WorkingCalendar uploaded) {
            Set<Integer> years = uploaded.knownYears();
            holidays.keySet().removeIf(d -> years.contains(d.getYear()));
            makeUpWorkingDays.removeIf(d -> years.contains(d.getYear()));
            holidays.putAll(uploaded.holidayNames);
            // an official make-up Saturday is moot for a tenant that works Saturdays anyway
            uploaded.makeUpWorkingDays.stream().filter(d -> !weeklyWorkingDays.contains(d.getDayOfWeek()))
                    .forEach(makeUpWorkingDays::add);
            years.forEach(this::knownYear);
            return this;
        }

        /**
         * @throws CalendarFormatException if no year is known, a make-up working day falls on a weekly
         *     working day or on a holiday
         */
        public WorkingCalendar build() {
            if (knownYears.isEmpty()) {
                throw new CalendarFormatException("a calendar needs at least one known year");
            }
            for (LocalDate d : makeUpWorkingDays) {
                if (weeklyWorkingDays.contains(d.getDayOfWeek())) {
                    throw new CalendarFormatException("make-up working day " + d + " is a " + d.getDayOfWeek()
                            + ", already a weekly working day; a make-up day must be a weekly rest day");
                }
                if (holidays.containsKey(d)) {
                    throw new CalendarFormatException("make-up working day " + d + " is also a holiday ("
                            + holidays.get(d) + ")");
                }
            }
            return new WorkingCalendar(this);
        }
    }
}
