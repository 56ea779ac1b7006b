package com.huifang.reporting.kpi;

import com.huifang.reporting.kpi.ReportService.RangeFacts;
import com.huifang.reporting.kpi.domain.DailyFactTable;
import com.huifang.reporting.kpi.domain.ReportRange;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The daily facts of one tenant's month, held in memory as a {@link DailyFactTable} so that a month
 * report is a scan of an in-memory column store (milliseconds) rather than a read of every visit fact
 * of the month (seconds). Stale-while-revalidate: every projected change bumps the tenant's generation;
 * a read of an out-of-date month (changed since it was loaded, and loaded more than
 * {@code minReloadInterval} ago, or older than {@code maxAge} whatever happened, for changes projected
 * by another instance) is answered from the month in memory while one reload runs in the background.
 * The first read of a month waits for its load. Figures are thus as fresh as the last reload: a second
 * or so behind the events on this instance, at most {@code maxAge} behind on others.
 */
public final class DailyFactCache {

    private static final Logger log = LoggerFactory.getLogger(DailyFactCache.class);

    /** A loaded month. */
    public record Segment(RangeFacts facts, DailyFactTable table, long generation, long loadedAtNanos) {
    }

    private record Key(String tenant, YearMonth month) {
    }

    private static final class Entry {
        volatile Segment segment;
        volatile Mono<Segment> loading;
        volatile long lastReadNanos;
    }

    private final BiFunction<String, ReportRange, Mono<RangeFacts>> loader;
    private final long minReloadNanos;
    private final long maxAgeNanos;
    private final int maxMonths;
    private final boolean serveStale;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();

    /**
     * @param serveStale false: a read of an out-of-date month waits for its reload instead (tests that
     *                   assert on figures right after events)
     */
    public DailyFactCache(BiFunction<String, ReportRange, Mono<RangeFacts>> loader, Duration minReloadInterval,
                          Duration maxAge, int maxMonths, boolean serveStale) {
        this.serveStale = serveStale;
        this.loader = loader;
        this.minReloadNanos = minReloadInterval.toNanos();
        this.maxAgeNanos = maxAge.toNanos();
        this.maxMonths = maxMonths;
    }

    /** A fact of the tenant changed: its months in memory are out of date. */
    public void changed(String tenant) {
        generations.computeIfAbsent(tenant, t -> new AtomicLong()).incrementAndGet();
    }

    private long generation(String tenant) {
        return generations.computeIfAbsent(tenant, t -> new AtomicLong()).get();
    }

    public Mono<Segment> month(String tenant, YearMonth month) {
        Key key = new Key(tenant, month);
        Entry entry = entries.get(key);
        if (entry == null) {
            evictIfFull();
            entry = entries.computeIfAbsent(key, k -> new Entry());
        }
        long now = System.nanoTime();
        entry.lastReadNanos = now;
        Segment s = entry.segment;
        if (s == null) {
            return load(tenant, month, entry);
        }
        long age = now - s.loadedAtNanos();
        if ((s.generation() < generation(tenant) && age > minReloadNanos) || age > maxAgeNanos) {
            if (!serveStale) {
                return load(tenant, month, entry);
            }
            load(tenant, month, entry).subscribe(x -> { }, e -> log.warn("Reloading {} {} failed: {}", tenant, month,
                    e.toString()));
        }
        return Mono.just(s);
    }

    /** One load at a time per month; callers share it. */
    private synchronized Mono<Segment> load(String tenant, YearMonth month, Entry entry) {
        Mono<Segment> running = entry.loading;
        if (running != null) {
            return running;
        }
        long generation = generation(tenant);
        Mono<Segment> load = loader.apply(tenant, ReportRange.month(month))
                .map(f -> new Segment(f, DailyFactTable.of(f.daily()), generation, System.nanoTime()))
                .doOnNext(seg -> entry.segment = seg)
                .doFinally(signal -> entry.loading = null)
                .cache();
        entry.loading = load;
        return load;
    }

    /** Keeps at most maxMonths months in memory: the least recently read goes first. */
    private void evictIfFull() {
        while (entries.size() >= maxMonths) {
            Key oldest = null;
            long oldestRead = Long.MAX_VALUE;
            for (Map.Entry<Key, Entry> e : entries.entrySet()) {
                if (e.getValue().lastReadNanos < oldestRead) {
                    oldestRead = e.getValue().lastReadNanos;
                    oldest = e.getKey();
                }
            }
            if (oldest == null || entries.remove(oldest) == null) {
                return;
            }
        }
    }
}
