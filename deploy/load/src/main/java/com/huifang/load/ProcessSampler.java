package com.huifang.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * CPU and memory of the processes under load, read from /proc (Linux): CPU as cores busy on
 * average over the sampled period, memory as the highest total resident set seen (sampled each
 * second). Elsewhere it reports nothing rather than a guess.
 */
public final class ProcessSampler implements AutoCloseable {

    public record Usage(double coresBusy, long peakRssBytes) {
    }

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private final List<Long> pids;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "load-sampler");
        t.setDaemon(true);
        return t;
    });
    private long startTicks;
    private long startNanos;
    private volatile long peakRss;

    ProcessSampler(List<Long> pids) {
        this.pids = pids;
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

    ProcessSampler start() {
        startTicks = ticks();
        startNanos = System.nanoTime();
        timer.scheduleAtFixedRate(() -> peakRss = Math.max(peakRss, rss()), 0, 1, TimeUnit.SECONDS);
        return this;
    }

    Usage stop() {
        timer.shutdownNow();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double cpuSeconds = (ticks() - startTicks) / (double) TICKS_PER_SECOND;
        return new Usage(cpuSeconds / seconds, Math.max(peakRss, rss()));
    }

    private long ticks() {
        long sum = 0;
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                // fields after the command name (which may hold spaces) start after the last ')'
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                sum += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
            } catch (IOException | RuntimeException gone) {
                // the process ended: its ticks no longer count
            }
        }
        return sum;
    }

    private long rss() {
        long sum = 0;
        for (long pid : pids) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        sum += Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    }
                }
            } catch (IOException | RuntimeException gone) {
                // ended
            }
        }
        return sum;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
