package com.huifang.load;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The run as Markdown, for the README's Numbers section. */
public final class LoadReport {

    public static String markdown(LoadRun.Result r, String command) {
        StringBuilder md = new StringBuilder();
        Runtime rt = Runtime.getRuntime();
        md.append("### Load run ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE)).append(", ")
                .append(rt.availableProcessors()).append(" cores, ").append(physicalMemoryGib()).append(" GiB\n\n")
                .append("Command: `").append(command).append("` (tenant ").append(r.tenant()).append(")\n\n");
        r.kafka().ifPresent(k -> md.append(String.format(Locale.ROOT,
                "Raw Kafka producer (acks=all, idempotent, %d B records): **%,.0f records/s** (%.1f MB/s)%n%n",
                k.recordBytes(), k.recordsPerSecond(), k.megabytesPerSecond())));
        md.append("Partner pushes through the gateway, rising rate (open loop):\n\n")
                .append("| target/s | accepted/s | p50 ms | p99 ms | 4xx | 5xx | failed | skipped | visits / accepted | caught up after | kept up |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|\n");
        for (LoadRun.PushStep s : r.steps()) {
            StepResult h = s.http();
            md.append(String.format(Locale.ROOT, "| %.0f | %.1f | %.1f | %.1f | %d | %d | %d | %d | %d / %d | %.1f s | %s |%n",
                    s.targetRate(), h.okPerSecond(), h.p50Millis(), h.p99Millis(), h.rejected(), h.serverErrors(),
                    h.transportErrors(), h.skipped(), s.visitsAfter(), s.acceptedSoFar(), s.catchUpSeconds(),
                    s.keptUp() ? "yes" : "**no**"));
        }
        md.append(String.format(Locale.ROOT, "%nSustained with every visit planned: **%.0f events/s**.", r.sustainedRate()));
        r.usage().ifPresent(u -> md.append(String.format(Locale.ROOT,
                " Stack during the pushes: %.2f cores busy on average, peak RSS %.2f GiB.", u.coresBusy(),
                u.peakRssBytes() / (1024.0 * 1024 * 1024))));
        md.append("\n\n");
        if (!r.comparisons().isEmpty()) {
            md.append("Gateway vs nginx on the same upstreams (closed loop):\n\n")
                    .append("| what | ok/s | p50 ms | p99 ms | 5xx | failed |\n|---|---:|---:|---:|---:|---:|\n");
            for (StepResult c : r.comparisons()) {
                md.append(row(c));
            }
            for (int i = 0; i < 2 && i + 2 < r.comparisons().size(); i++) {
                StepResult ng = r.comparisons().get(i);
                StepResult gw = r.comparisons().get(i + 2);
                md.append(String.format(Locale.ROOT, "%n%s: gateway/nginx = **%.2f**", ng.label().replace(" via nginx", ""),
                        ng.okPerSecond() == 0 ? 0 : gw.okPerSecond() / ng.okPerSecond()));
            }
            md.append("\n\n");
        }
        r.nginxSkipped().ifPresent(s -> md.append(s).append("\n\n"));
        md.append("Reads through the gateway (closed loop):\n\n")
                .append("| what | ok/s | p50 ms | p99 ms | 5xx | failed |\n|---|---:|---:|---:|---:|---:|\n");
        r.reads().forEach(c -> md.append(row(c)));
        md.append(String.format(Locale.ROOT, "%nZero loss: %d pushes accepted, %d visits planned — %s.%n", r.accepted(),
                r.visits(), r.zeroLoss() ? "**every accepted event has exactly its visit**" : "**MISMATCH**"));
        return md.toString();
    }

    private static String row(StepResult c) {
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %d | %d |%n", c.label(), c.okPerSecond(),
                c.p50Millis(), c.p99Millis(), c.serverErrors(), c.transportErrors());
    }

    private static long physicalMemoryGib() {
        try {
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            return Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024));
        } catch (RuntimeException | LinkageError e) {
            return 0;
        }
    }

    private LoadReport() {
    }
}
