package com.huifang.reporting.bench;

import com.huifang.reporting.facts.FactProjection;
import com.huifang.reporting.facts.domain.DimensionSource;
import com.huifang.reporting.facts.domain.ServiceEventFact;
import com.huifang.reporting.facts.domain.VisitFact;
import com.huifang.reporting.facts.store.AgentPlacementDocument;
import com.huifang.reporting.facts.store.FactReader;
import com.huifang.reporting.facts.store.ServiceEventFactDocument;
import com.huifang.reporting.facts.store.VisitFactDocument;
import com.huifang.reporting.kpi.ReportService;
import com.huifang.reporting.kpi.domain.KpiReport;
import com.huifang.reporting.kpi.domain.ReportQuery;
import com.huifang.reporting.kpi.domain.ReportRange;
import com.huifang.testsupport.TestInfrastructure;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * The KPI API's month report over a seeded store: N visit facts of one tenant, all due in November
 * 2026, stored as the projection stores them, read back by {@link ReportService} as the controller
 * does. A plain timed main (not a test, not JMH: the store round trip dominates):
 * <pre>
 * ./mvnw -q -pl reporting-service -am test-compile
 * java -cp "$(cat reporting-service/target/bench.classpath)" com.huifang.reporting.bench.KpiApiBenchmark 100000
 * </pre>
 * (see BENCHMARK.md for the classpath line). Uses the MongoDB-wire store of the tests (in memory).
 */
public final class KpiApiBenchmark {

    private KpiApiBenchmark() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String uri = System.getProperty("mongo.uri", TestInfrastructure.mongoUri());
        try (MongoClient client = MongoClients.create(uri)) {
            ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "bench-" + System.nanoTime());
            long t0 = System.nanoTime();
            seed(mongo, new BenchmarkData(count));
            System.out.printf("seeded %,d visit facts in %.1f s%n", count, (System.nanoTime() - t0) / 1e9);

            ReportRange november = ReportRange.month(YearMonth.of(2026, 11));
            ReportQuery total = ReportQuery.of(BenchmarkData.TENANT, november);
            for (int i = 0; i < 2; i++) {
                // the first read of a month: loads every visit fact of the month from the store
                ReportService cold = new ReportService(new FactReader(mongo));
                long t = System.nanoTime();
                cold.kpis(total).block(Duration.ofMinutes(5));
                System.out.printf("month report, cold (loads the month into memory): %.0f ms%n",
                        (System.nanoTime() - t) / 1e6);
            }
            ReportService reports = new ReportService(new FactReader(mongo));
            ReportQuery byAgent = ReportQuery.parse(BenchmarkData.TENANT, november, Map.of(), List.of("agent"));
            time("month report, total", rounds, () -> reports.kpis(total).block(Duration.ofMinutes(5)));
            time("month report by agent", rounds, () -> reports.kpis(byAgent).block(Duration.ofMinutes(5)));
        }
        System.exit(0);
    }

    private static void time(String name, int rounds, Supplier<KpiReport> report) {
        for (int i = 0; i < 50; i++) {
            report.get(); // warm-up (JIT)
        }
        long[] ns = new long[rounds];
        KpiReport last = null;
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            last = report.get();
            ns[i] = System.nanoTime() - t;
        }
        java.util.Arrays.sort(ns);
        System.out.printf("%s: median %.1f ms, min %.1f ms, max %.1f ms over %d rounds (%d rows, due %.0f)%n", name,
                ns[rounds / 2] / 1e6, ns[0] / 1e6, ns[rounds - 1] / 1e6, rounds, last.rows().size(),
                last.total().value(com.huifang.reporting.kpi.domain.Kpi.DUE));
    }

    static void seed(ReactiveMongoTemplate mongo, BenchmarkData data) {
        List<VisitFactDocument> batch = new ArrayList<>();
        for (VisitFact v : data.visits) {
            VisitFactDocument d = new VisitFactDocument();
            d.id = VisitFactDocument.idOf(v.tenantId(), v.visitId());
            d.version = 0L;
            FactProjection.describe(v, DimensionSource.DEFAULT_ZONE, d);
            batch.add(d);
            if (batch.size() == 5_000) {
                mongo.insertAll(batch).then().block();
                batch = new ArrayList<>();
            }
        }
        mongo.insertAll(batch).then().block();
        List<ServiceEventFactDocument> events = new ArrayList<>();
        for (ServiceEventFact se : data.serviceEventFacts()) {
            ServiceEventFactDocument d = new ServiceEventFactDocument();
            d.id = ServiceEventFactDocument.idOf(se.tenantId(), se.serviceEventId());
            d.version = 0L;
            FactProjection.describe(se, DimensionSource.DEFAULT_ZONE, d);
            events.add(d);
        }
        mongo.insertAll(events).then().block();
        List<AgentPlacementDocument> placements = new ArrayList<>();
        data.placements.forEach((agent, p) -> {
            AgentPlacementDocument d = new AgentPlacementDocument();
            d.id = AgentPlacementDocument.idOf(BenchmarkData.TENANT, agent);
            d.tenantId = BenchmarkData.TENANT;
            d.agentId = agent;
            d.team = p.team();
            d.department = p.department();
            placements.add(d);
        });
        mongo.insertAll(placements).then().block();
    }
}
