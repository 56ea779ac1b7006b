package com.huifang.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * One load run against a running stack: raw Kafka rate, partner pushes through the gateway at
 * rising rates until visits stop keeping up, gateway vs nginx on the same upstreams, worklist and
 * report reads by many users, then the zero-loss check (every accepted push became one visit).
 */
public final class LoadRun {

    /**
     * Where the stack is.
     *
     * @param serviceUrls   base URL per service name (customer-service, schedule-service, reporting-service)
     * @param tokens        mints a token: (user, roles) → bearer token, in the run's tenant (given to {@link #run})
     * @param visitCounter  (tenant, customer ids) → counter of the tenant's visits
     * @param pids          processes whose CPU and memory are sampled (the stack's JVMs)
     */
    public record Target(String gatewayUrl, Map<String, String> serviceUrls, String kafkaBootstrap,
                         TokenMinter tokens, BiFunction<String, java.util.Collection<String>, VisitCounter> visitCounter,
                         List<Long> pids) {
    }

    @FunctionalInterface
    public interface TokenMinter {
        String mint(String tenant, String user, List<String> roles);
    }

    /** What to run; {@link #bounded()} for verify, {@link #full()} for the documented command. */
    public record Options(List<Double> rates, Duration step, Duration catchUp, Duration compare, int compareUsers,
                          int readers, long kafkaRecords, int recordBytes, int maxInFlight) {

        public static Options bounded() {
            // 32 concurrent users: above the 25 concurrent calls a default Resilience4j bulkhead would allow
            return new Options(List.of(10.0, 20.0), Duration.ofSeconds(4), Duration.ofSeconds(60), Duration.ofSeconds(3),
                    32, 32, 20_000, 1024, 64);
        }

        public static Options full() {
            return new Options(List.of(25.0, 50.0, 100.0, 200.0, 400.0, 800.0, 1600.0), Duration.ofSeconds(20),
                    Duration.ofSeconds(30), Duration.ofSeconds(20), 32, 50, 500_000, 1024, 512);
        }
    }

    /** One step of the rising-rate push. */
    public record PushStep(double targetRate, StepResult http, long acceptedSoFar, long visitsAfter,
                           double catchUpSeconds, boolean keptUp) {
    }

    /** Everything measured. */
    public record Result(String tenant, Optional<KafkaProbe.Result> kafka, List<PushStep> steps,
                         Optional<ProcessSampler.Usage> usage, List<StepResult> comparisons, List<StepResult> reads,
                         long accepted, long visits, Optional<String> nginxSkipped) {

        /** The highest target rate whose step had no error and whose visits caught up. */
        public double sustainedRate() {
            return steps.stream().filter(PushStep::keptUp).mapToDouble(PushStep::targetRate).max().orElse(0);
        }

        public boolean zeroLoss() {
            return visits == accepted;
        }

        public long serverErrors() {
            long n = steps.stream().mapToLong(s -> s.http().serverErrors()).sum();
            n += comparisons.stream().mapToLong(StepResult::serverErrors).sum();
            return n + reads.stream().mapToLong(StepResult::serverErrors).sum();
        }
    }

    private final Target target;
    private final Options options;
    private final HttpClient client = HttpLoad.newClient();
    private final HttpLoad http = new HttpLoad(client, Duration.ofSeconds(30));
    private final java.util.function.Consumer<String> log;

    public LoadRun(Target target, Options options, java.util.function.Consumer<String> log) {
        this.target = target;
        this.options = options;
        this.log = log;
    }

    public Result run() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String tenant = "load-" + run;

        Optional<KafkaProbe.Result> kafka = Optional.empty();
        if (options.kafkaRecords() > 0) {
            log.accept("raw Kafka producer: " + options.kafkaRecords() + " records of " + options.recordBytes() + " B");
            kafka = Optional.of(KafkaProbe.producerRate(target.kafkaBootstrap(), options.kafkaRecords(),
                    options.recordBytes()));
            log.accept(String.format("  %.0f records/s", kafka.get().recordsPerSecond()));
        }

        String admin = target.tokens().mint(tenant, "load-admin", List.of("ADMIN"));
        PartnerPush push = PartnerPush.register(client, target.gatewayUrl(), target.gatewayUrl(), admin, run);
        List<PushStep> steps = new ArrayList<>();
        long index = 0;
        long accepted = 0;
        Optional<ProcessSampler.Usage> usage = Optional.empty();
        try (VisitCounter visits = target.visitCounter().apply(tenant, push.customerIds)) {
            ProcessSampler sampler = ProcessSampler.available() && !target.pids().isEmpty()
                    ? new ProcessSampler(target.pids()).start() : null;
            for (double rate : options.rates()) {
                log.accept(String.format("push %.0f events/s for %d s", rate, options.step().toSeconds()));
                StepResult step = http.openLoop("push " + (long) rate + "/s", push::request, index, rate, options.step(),
                        options.maxInFlight(), push::accepted);
                index += step.sent() + step.skipped();
                accepted += step.ok();
                long waitStart = System.nanoTime();
                long planned = visits.count();
                while (planned < accepted && System.nanoTime() - waitStart < options.catchUp().toNanos()) {
                    Thread.sleep(250);
                    planned = visits.count();
                }
                double catchUp = (System.nanoTime() - waitStart) / 1e9;
                boolean keptUp = step.clean() && planned >= accepted
                        && step.okPerSecond() >= 0.9 * rate;
                steps.add(new PushStep(rate, step, accepted, planned, catchUp, keptUp));
                log.accept(String.format("  %.1f accepted/s, p50 %.1f ms, p99 %.1f ms, errors %d/%d, visits %d of %d "
                                + "(caught up in %.1f s)%s", step.okPerSecond(), step.p50Millis(), step.p99Millis(),
                        step.serverErrors(), step.transportErrors(), planned, accepted, catchUp,
                        keptUp ? "" : " — limit reached"));
                if (!keptUp) {
                    break;
                }
            }
            if (sampler != null) {
                usage = Optional.of(sampler.stop());
            }
            // the last step overloaded the stack on purpose: let every consumer drain and the gateway's
            // circuit breakers close before anything else is measured, or the next figures measure the
            // recovery instead
            awaitVisits(visits, accepted);
            Thread.sleep(options.catchUp().toMillis());

            List<StepResult> comparisons = new ArrayList<>();
            Optional<String> nginxSkipped = Optional.empty();
            Optional<Path> nginx = NginxProxy.binary();
            String supervisor = target.tokens().mint(tenant, "load-supervisor", List.of("SUPERVISOR"));
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            String reportPath = "/api/reports/summary?from=" + today.withDayOfMonth(1) + "&to=" + today;
            if (nginx.isEmpty()) {
                nginxSkipped = Optional.of("nginx is not installed (apt-get install nginx-light): no proxy comparison");
                log.accept(nginxSkipped.get());
            } else {
                // the month's first report read loads it from the store (seconds on the embedded one):
                // measured runs start warm, on both paths alike
                warmUp(target.gatewayUrl() + reportPath, supervisor);
                Map<String, String> routes = new LinkedHashMap<>();
                routes.put("/api/partner/", target.serviceUrls().get("customer-service"));
                routes.put("/api/reports/", target.serviceUrls().get("reporting-service"));
                try (NginxProxy proxy = NginxProxy.start(nginx.get(), routes)) {
                    PartnerPush viaNginx = push.via(proxy.url());
                    long base = index + 10_000_000L;
                    // nginx first: whatever the earlier steps left to drain weighs on nginx's figures, not the gateway's
                    for (String[] via : new String[][] {{"nginx", proxy.url()}, {"gateway", target.gatewayUrl()}}) {
                        PartnerPush p = via[0].equals("gateway") ? push : viaNginx;
                        long offset = base + (via[0].equals("gateway") ? 0 : 5_000_000L);
                        log.accept("closed loop push via " + via[0]);
                        StepResult r = http.closedLoop("push via " + via[0], i -> p.request(offset + i),
                                options.compareUsers(), options.compare(), p::accepted);
                        accepted += r.ok();
                        comparisons.add(r);
                        log.accept("closed loop report reads via " + via[0]);
                        comparisons.add(http.closedLoop("report reads via " + via[0],
                                i -> get(via[1] + reportPath, supervisor), options.compareUsers(), options.compare()));
                    }
                }
            }

            List<StepResult> reads = new ArrayList<>();
            List<String> agents = new ArrayList<>();
            for (int a = 0; a < options.readers(); a++) {
                agents.add(target.tokens().mint(tenant, "load-agent-" + a, List.of("AGENT")));
            }
            log.accept(options.readers() + " agents reading their worklists");
            reads.add(http.closedLoop("worklist reads, " + options.readers() + " agents",
                    i -> get(target.gatewayUrl() + "/api/worklist?limit=50", agents.get((int) (i % agents.size()))),
                    options.readers(), options.compare()));
            warmUp(target.gatewayUrl() + reportPath, supervisor);
            log.accept(options.readers() + " supervisors reading the month's report");
            reads.add(http.closedLoop("report reads, " + options.readers() + " supervisors",
                    i -> get(target.gatewayUrl() + reportPath, supervisor), options.readers(), options.compare()));

            // zero loss: every accepted push is one visit, once the pipeline drained
            long planned = awaitVisits(visits, accepted);
            return new Result(tenant, kafka, steps, usage, comparisons, reads, accepted, planned, nginxSkipped);
        }
    }

    /** Waits until {@code accepted} visits exist, or the count stopped moving for the catch-up time. */
    private long awaitVisits(VisitCounter visits, long accepted) throws Exception {
        long planned = visits.count();
        long lastChange = System.nanoTime();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (planned < accepted && System.nanoTime() < deadline
                && System.nanoTime() - lastChange < options.catchUp().toNanos()) {
            Thread.sleep(500);
            long now = visits.count();
            if (now != planned) {
                lastChange = System.nanoTime();
                planned = now;
            }
        }
        return planned;
    }

    private void warmUp(String url, String token) throws java.io.IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            var r = client.send(get(url, token), java.net.http.HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() / 100 == 2) {
                return;
            }
            log.accept("  warming up " + url + ": " + r.statusCode());
            Thread.sleep(1000);
        }
        throw new IllegalStateException(url + " did not answer 2xx within 120 s");
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build();
    }
}
