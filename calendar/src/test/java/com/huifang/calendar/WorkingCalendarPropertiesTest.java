package com.huifang.calendar;

import static com.huifang.calendar.FastMatchesNaiveReferenceTest.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the fast calendar, on the PRC calendar, on Europe/Berlin and on random tenant calendars. */
class WorkingCalendarPropertiesTest {

    private static final WorkingCalendar PRC = HolidayCalendars.prc();
    private static final NaiveWorkingCalendar NAIVE_PRC = NaiveWorkingCalendar.of(PRC);
    private static final WorkingCalendar BERLIN_EVERY_DAY = CallingWindowsTest.everyDay(ZoneId.of("Europe/Berlin"));
    private static final long FROM = LocalDate.of(2025, 1, 1).toEpochDay();
    private static final long TO = LocalDate.of(2026, 12, 31).toEpochDay();

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(FROM, TO).map(LocalDate::ofEpochDay);
    }

    /** Dates far enough from the edges of the known years that ±60 working days stay inside them. */
    @Provide
    Arbitrary<LocalDate> innerDates() {
        return Arbitraries.longs().between(FROM + 100, TO - 100).map(LocalDate::ofEpochDay);
    }

    /** Instants of 2025-01-01 .. 2026-09-30 UTC, with a fraction of a second half of the time. */
    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(FROM * 86_400, (TO - 92) * 86_400);
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999));
        return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }

    /** Up to 200 business hours, in whole minutes or with nanoseconds. */
    @Provide
    Arbitrary<Duration> amounts() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, 200 * 60).map(Duration::ofMinutes),
                Arbitraries.longs().between(0, 200 * 3_600_000_000_000L).map(Duration::ofNanos));
    }

    /** 1–3 non-overlapping windows on a quarter-hour grid, anywhere in the day (night windows meet DST). */
    @Provide
    Arbitrary<DailyWindows> windows() {
        return Arbitraries.integers().between(0, 95).set().ofMinSize(2).ofMaxSize(6)
                .filter(s -> s.size() % 2 == 0)
                .map(set -> {
                    List<Integer> q = new ArrayList<>(set);
                    q.sort(null);
                    List<TimeWindow> list = new ArrayList<>();
                    for (int i = 0; i < q.size(); i += 2) {
                        list.add(new TimeWindow(LocalTime.ofSecondOfDay(q.get(i) * 900L), LocalTime.ofSecondOfDay(q.get(i + 1) * 900L)));
                    }
                    return DailyWindows.of(list);
                });
    }

    @Provide
    Arbitrary<WorkingCalendar> calendars() {
        Arbitrary<Set<DayOfWeek>> weekly = Arbitraries.of(DayOfWeek.class).set().ofMinSize(1).ofMaxSize(7);
        Arbitrary<Set<LocalDate>> holidays = dates().set().ofMaxSize(80);
        Arbitrary<Set<LocalDate>> extra = dates().set().ofMaxSize(20);
        Arbitrary<ZoneId> zones = Arbitraries.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"));
        return Combinators.combine(weekly, holidays, extra, zones).as((w, h, m, z) -> {
            WorkingCalendar.Builder b = WorkingCalendar.builder().zone(z).weeklyWorkingDays(EnumSet.copyOf(w)).knownYears(2025, 2026);
            h.forEach(d -> b.holiday(d, "h"));
            m.stream().filter(d -> !w.contains(d.getDayOfWeek()) && !h.contains(d)).forEach(b::makeUpWorkingDay);
            return b.build();
        });
    }

    @Provide
    Arbitrary<List<Pause>> pauses() {
        Arbitrary<Pause> pause = Combinators.combine(instants(), Arbitraries.longs().between(0, 5 * 86_400))
                .as((from, seconds) -> new Pause(from, from.plusSeconds(seconds)));
        return pause.list().ofMaxSize(4);
    }

    // ------------------------------------------------------------------ working days

    @Property(tries = 300)
    void randomTenantCalendarsMatchTheReference(@ForAll("calendars") WorkingCalendar fast, @ForAll("dates") LocalDate date,
            @ForAll @IntRange(min = -30, max = 30) int n, @ForAll("windows") DailyWindows windows, @ForAll("instants") Instant at) {
        NaiveWorkingCalendar naive = NaiveWorkingCalendar.of(fast);
        assertThat(outcome(() -> fast.addWorkingDays(date, n))).isEqualTo(outcome(() -> naive.addWorkingDays(date, n)));
        assertThat(outcome(() -> fast.workingDaysBetween(date, date.plusDays(n * 3L))))
                .isEqualTo(outcome(() -> naive.workingDaysBetween(date, date.plusDays(n * 3L))));
        assertThat(outcome(() -> fast.nextWindowStart(at, windows))).isEqualTo(outcome(() -> naive.nextWindowStart(at, windows, false)));
        assertThat(outcome(() -> fast.businessTimeBetween(at, at.plusSeconds(n * 7_777L), windows)))
                .isEqualTo(outcome(() -> naive.businessTimeBetween(at, at.plusSeconds(n * 7_777L), windows)));
    }

    @Property
    void addingWorkingDaysThenCountingThemGivesTheSameNumber(@ForAll("innerDates") LocalDate date,
            @ForAll @IntRange(min = 1, max = 60) int n) {
        assertThat(PRC.workingDaysBetween(date, PRC.addWorkingDays(date, n))).isEqualTo(n);
    }

    @Property
    void goingBackUndoesGoingForwardFromAWorkingDay(@ForAll("innerDates") LocalDate date, @ForAll @IntRange(min = -60, max = 60) int n) {
        LocalDate workingDay = PRC.nextWorkingDayOnOrAfter(date);
        assertThat(PRC.addWorkingDays(PRC.addWorkingDays(workingDay, n), -n)).isEqualTo(workingDay);
    }

    @Property
    void addingWorkingDaysIsMonotonic(@ForAll("innerDates") LocalDate a, @ForAll("innerDates") LocalDate b,
            @ForAll @IntRange(min = -60, max = 60) int n) {
        LocalDate early = a.isBefore(b) ? a : b;
        LocalDate late = a.isBefore(b) ? b : a;
        assertThat(PRC.addWorkingDays(early, n)).isBeforeOrEqualTo(PRC.addWorkingDays(late, n));
        assertThat(PRC.addWorkingDays(early, n)).isBeforeOrEqualTo(PRC.addWorkingDays(early, n + 1));
    }

    @Property
    void everyResultIsAWorkingDay(@ForAll("innerDates") LocalDate date, @ForAll @IntRange(min = -60, max = 60) int n) {
        assertThat(PRC.isWorkingDay(PRC.addWorkingDays(date, n))).isTrue();
    }

    // ------------------------------------------------------------------ windows

    @Property
    void nextWindowStartIsTheReferenceAnswer(@ForAll("instants") Instant at, @ForAll("windows") DailyWindows windows,
            @ForAll boolean anyDay) {
        for (WorkingCalendar calendar : List.of(PRC, BERLIN_EVERY_DAY)) {
            NaiveWorkingCalendar naive = NaiveWorkingCalendar.of(calendar);
            Instant start = calendar.nextWindowStart(at, windows, anyDay);
            assertThat(start).isEqualTo(naive.nextWindowStart(at, windows, anyDay)).isAfterOrEqualTo(at);
            // idempotent: a window start is inside its window
            assertThat(calendar.nextWindowStart(start, windows, anyDay)).isEqualTo(start);
        }
    }

    @Property
    void windowStartOnShanghaiWorkingDayIsInsideAWindow(@ForAll("instants") Instant at, @ForAll("windows") DailyWindows windows) {
        Instant start = PRC.nextWindowStart(at, windows);
        var local = start.atZone(PRC.zone());
        assertThat(PRC.isWorkingDay(local.toLocalDate())).isTrue();
        assertThat(windows.contains(local.toLocalTime())).isTrue();
    }

    // ------------------------------------------------------------------ business time

    @Property
    void businessTimeMatchesTheReference(@ForAll("instants") Instant at, @ForAll("amounts") Duration amount,
            @ForAll("windows") DailyWindows hours) {
        for (WorkingCalendar calendar : List.of(PRC, BERLIN_EVERY_DAY)) {
            NaiveWorkingCalendar naive = NaiveWorkingCalendar.of(calendar);
            Object due = outcome(() -> calendar.addBusinessTime(at, amount, hours));
            assertThat(due).isEqualTo(outcome(() -> naive.addBusinessTime(at, amount, hours)));
            if (due instanceof Instant dueAt) {
                assertThat(calendar.businessTimeBetween(at, dueAt, hours)).isEqualTo(amount)
                        .isEqualTo(naive.businessTimeBetween(at, dueAt, hours));
            }
        }
    }

    @Property
    void addingBusinessTimeIsAdditive(@ForAll("instants") Instant at, @ForAll("amounts") Duration a, @ForAll("amounts") Duration b,
            @ForAll("windows") DailyWindows hours) {
        for (WorkingCalendar calendar : List.of(PRC, BERLIN_EVERY_DAY)) {
            assertThat(outcome(() -> calendar.addBusinessTime(calendar.addBusinessTime(at, a, hours), b, hours)))
                    .isEqualTo(outcome(() -> calendar.addBusinessTime(at, a.plus(b), hours)));
        }
    }

    @Property
    void businessTimeBetweenAddsUpOverAnIntermediateInstant(@ForAll("instants") Instant a, @ForAll("instants") Instant b,
            @ForAll("instants") Instant c, @ForAll("windows") DailyWindows hours) {
        assertThat(PRC.businessTimeBetween(a, b, hours).plus(PRC.businessTimeBetween(b, c, hours)))
                .isEqualTo(PRC.businessTimeBetween(a, c, hours));
    }

    @Property(tries = 500)
    void pausedBusinessTimeMatchesTheReference(@ForAll("instants") Instant at, @ForAll @IntRange(min = 0, max = 20 * 86_400) int seconds,
            @ForAll("pauses") List<Pause> pauses, @ForAll("windows") DailyWindows hours) {
        Instant to = at.plusSeconds(seconds);
        Duration paused = PRC.businessTimeBetween(at, to, hours, pauses);
        assertThat(paused).isEqualTo(NAIVE_PRC.businessTimeBetween(at, to, hours, pauses))
                .isBetween(Duration.ZERO, PRC.businessTimeBetween(at, to, hours));
    }

    @Property(tries = 500)
    void pausedDueTimeIsTheEarliestInstantWithTheFullAmount(@ForAll("instants") Instant at, @ForAll("amounts") Duration amount,
            @ForAll("pauses") List<Pause> pauses, @ForAll("windows") DailyWindows hours) {
        Object outcome = outcome(() -> PRC.addBusinessTime(at, amount, hours, pauses));
        Assume.that(outcome instanceof Instant);
        Instant due = (Instant) outcome;
        assertThat(PRC.businessTimeBetween(at, due, hours, pauses)).isEqualTo(amount);
        if (!amount.isZero()) {
            assertThat(PRC.businessTimeBetween(at, due.minusNanos(1), hours, pauses)).isLessThan(amount);
        }
        assertThat(due).isAfterOrEqualTo(PRC.addBusinessTime(at, amount, hours));
    }
}
