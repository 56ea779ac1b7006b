package com.huifang.reporting.bench;

import com.huifang.reporting.facts.domain.DailyFact;
import com.huifang.reporting.facts.domain.DailyFacts;
import com.huifang.reporting.kpi.domain.Dimension;
import com.huifang.reporting.kpi.domain.KpiCalculator;
import com.huifang.reporting.kpi.domain.KpiReport;
import com.huifang.reporting.kpi.domain.PerformanceReview;
import com.huifang.reporting.kpi.domain.ReportQuery;
import com.huifang.reporting.kpi.domain.ReportRange;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The month report over 1 000 000 projected visits: the daily facts rebuilt from the visit facts
 * once (setup), then the KPI report of the month computed from them (the goal: ≤ 100 ms).
 * {@link #rebuildDailyFacts} measures the rebuild itself (a replay's last step).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MonthReportBenchmark {

    private static final ReportRange NOVEMBER = ReportRange.month(YearMonth.of(2026, 11));

    private BenchmarkData data;
    private List<DailyFact> facts;
    private ReportQuery total;
    private ReportQuery byAgent;
    private ReportQuery byTeamAndChannelForTwoPlans;

    @Setup(Level.Trial)
    public void setUp() {
        data = new BenchmarkData(1_000_000);
        facts = DailyFacts.rebuild(data, data.visits, List.of(), issue -> null).facts();
        System.out.println("\n1 000 000 visits → " + facts.size() + " daily fact rows");
        total = ReportQuery.of(BenchmarkData.TENANT, NOVEMBER);
        byAgent = total.withGroupBy(List.of(Dimension.AGENT));
        byTeamAndChannelForTwoPlans = new ReportQuery(BenchmarkData.TENANT, NOVEMBER,
                Map.of(Dimension.PLAN, Set.of("plan-1", "plan-2")), List.of(Dimension.TEAM, Dimension.CHANNEL));
    }

    @Benchmark
    public KpiReport monthTotal() {
        return KpiCalculator.compute(total, facts);
    }

    @Benchmark
    public Object monthByAgentWithTiers() {
        KpiReport report = KpiCalculator.compute(byAgent, facts);
        return PerformanceReview.SEED_000.assessAgents(report);
    }

    @Benchmark
    public KpiReport monthByTeamAndChannelFiltered() {
        return KpiCalculator.compute(byTeamAndChannelForTwoPlans, facts);
    }

    @Benchmark
    public int rebuildDailyFacts() {
        return DailyFacts.rebuild(data, data.visits, List.of(), issue -> null).facts().size();
    }
}
