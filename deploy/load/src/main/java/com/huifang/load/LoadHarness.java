package com.huifang.load;

import com.huifang.local.ChildProcesses;
import com.huifang.local.DevTokens;
import com.huifang.local.StackLayout;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code deploy/load/run-load.sh}: the full load run against the stack {@code ./run-local.sh}
 * started (it reads the stack's state file for the broker, store and service addresses, and its dev
 * JWT secret). Prints the Markdown report and keeps it under the data folder.
 *
 * <p>Options: {@code --data DIR} (default .huifang), {@code --rates 25,50,100,…}, {@code --step-seconds N},
 * {@code --bounded} (the small run verify does).
 */
public final class LoadHarness {

    public static void main(String[] args) throws Exception {
        Path data = Path.of(".huifang");
        LoadRun.Options options = LoadRun.Options.full();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--bounded" -> options = LoadRun.Options.bounded();
                case "--rates" -> {
                    List<Double> rates = new ArrayList<>();
                    for (String r : args[++i].split(",")) {
                        rates.add(Double.parseDouble(r.trim()));
                    }
                    options = new LoadRun.Options(rates, options.step(), options.catchUp(), options.compare(),
                            options.compareUsers(), options.readers(), options.kafkaRecords(), options.recordBytes(),
                            options.maxInFlight());
                }
                case "--step-seconds" -> options = new LoadRun.Options(options.rates(),
                        Duration.ofSeconds(Long.parseLong(args[++i])), options.catchUp(), options.compare(),
                        options.compareUsers(), options.readers(), options.kafkaRecords(), options.recordBytes(),
                        options.maxInFlight());
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        StackLayout layout = new StackLayout(data.toAbsolutePath());
        Properties state = new Properties();
        if (!Files.exists(layout.stateFile())) {
            System.err.println("No running stack in " + layout.root() + ": start it with ./run-local.sh first.");
            System.exit(3);
        }
        try (Reader in = Files.newBufferedReader(layout.stateFile())) {
            state.load(in);
        }
        Map<String, String> services = new LinkedHashMap<>();
        for (String s : List.of("customer-service", "schedule-service", "survey-service", "feedback-service",
                "reporting-service")) {
            services.put(s, state.getProperty(s));
        }
        DevTokens tokens = new DevTokens(layout.jwtSecret());
        String mongo = state.getProperty("mongo");
        List<Long> pids = new ArrayList<>(ChildProcesses.readPidFile(layout.pidFile()).values());
        LoadRun.Target target = new LoadRun.Target(state.getProperty("gateway"), services, state.getProperty("kafka"),
                (tenant, user, roles) -> tokens.mint(tenant, user, roles, Duration.ofHours(2)),
                (tenant, customers) -> VisitCounter.store(mongo, "huifang-schedule", tenant), pids);
        LoadRun.Result result = new LoadRun(target, options, line -> System.out.println("[load] " + line)).run();
        String md = LoadReport.markdown(result, "deploy/load/run-load.sh " + String.join(" ", args));
        System.out.println();
        System.out.println(md);
        Path out = layout.root().resolve("load-report-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        try {
            Files.writeString(out, md);
            System.out.println("(kept in " + out + ")");
        } catch (IOException e) {
            System.err.println("cannot keep the report: " + e.getMessage());
        }
        System.exit(result.zeroLoss() && result.serverErrors() == 0 ? 0 : 1);
    }

    private LoadHarness() {
    }
}
