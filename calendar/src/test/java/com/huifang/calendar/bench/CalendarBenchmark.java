package com.huifang.calendar.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import com.huifang.calendar.DailyWindows;
import com.huifang.calendar.HolidayCalendars;
import com.huifang.calendar.NaiveWorkingCalendar;
import com.huifang.calendar.WorkingCalendar;

/**
 * Due-time computations per second: one computation is {@code addWorkingDays} ("within n working days",
 * n = 1..10) plus {@code nextWindowStart} (calling windows 10:00–12:00, 15:00–17:00) on random dates
 * and instants of 2025–2026, on the PRC calendar, against the naive day-by-day reference. Also the
 * business-time SLA deadline (4 h in 09:00–18:00). Not a test: run it by hand, see BENCHMARK.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CalendarBenchmark {

    private static final int SIZE = 4096; // a power of two, so the index wraps with a mask

    private final WorkingCalendar calendar = HolidayCalendars.prc();
    private final NaiveWorkingCalendar naive = NaiveWorkingCalendar.of(calendar);
    private final DailyWindows calling = DailyWindows.parse("10:00-12:00, 15:00-17:00");
    private final DailyWindows office = DailyWindows.parse("09:00-18:00");
    private final Duration sla = Duration.ofHours(4);

    private final LocalDate[] dates = new LocalDate[SIZE];
    private final int[] steps = new int[SIZE];
    private final Instant[] instants = new Instant[SIZE];
    private int next;

    @Setup
    public void randomInputs() {
        SplittableRandom random = new SplittableRandom(20251001);
        long first = LocalDate.of(2025, 1, 1).toEpochDay();
        long last = LocalDate.of(2026, 11, 30).toEpochDay(); // leaves room for +10 working days
        for (int i = 0; i < SIZE; i++) {
            LocalDate date = LocalDate.ofEpochDay(random.nextLong(first, last + 1));
            dates[i] = date;
            steps[i] = random.nextInt(1, 11);
            instants[i] = date.atStartOfDay(calendar.zone()).toInstant().plusSeconds(random.nextInt(86_400));
        }
    }

    private int nextIndex() {
        return next = (next + 1) & (SIZE - 1);
    }

    @Benchmark
    public void dueTimeFast(Blackhole bh) {
        int i = nextIndex();
        bh.consume(calendar.addWorkingDays(dates[i], steps[i]));
        bh.consume(calendar.nextWindowStart(instants[i], calling));
    }

    @Benchmark
    public void dueTimeNaive(Blackhole bh) {
        int i = nextIndex();
        bh.consume(naive.addWorkingDays(dates[i], steps[i]));
        bh.consume(naive.nextWindowStart(instants[i], calling, false));
    }

    @Benchmark
    public Instant slaDeadlineFast() {
        return calendar.addBusinessTime(instants[nextIndex()], sla, office);
    }

    @Benchmark
    public Instant slaDeadlineNaive() {
        return naive.addBusinessTime(instants[nextIndex()], sla, office);
    }
}
