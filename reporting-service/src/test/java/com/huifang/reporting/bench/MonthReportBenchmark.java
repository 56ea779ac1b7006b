package com.huifang.reporting.bench;

import com.huifang.reporting.facts.domain.DailyFact;
import com.huifang.reporting.facts.domain.DailyFacts;
import com.huifang.reporting.kpi.domain.DailyFactTable;
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
 * once and loaded into a {@link DailyFactTable} (setup), then the KPI report of the month computed
 * from it (the goal: ≤ 100 ms).
 * {@link #rebuildDailyFacts} measures the rebuild itself (a replay's last step).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MonthReportBenchmark {

    private static final ReportRange NOVEMBER = ReportRange.month(YearMonth.of(2026, 11));

    private BenchmarkData data;
    private List<DailyFact> facts;
    private DailyFactTable table;
    private ReportQuery total;
    private ReportQuery byAgent;
    private ReportQuery byTeamAndChannelForTwoPlans;

    @Setup(Level.Trial)
    public void setUp() {
        data = new BenchmarkData(1_000_000);
        facts = DailyFacts.rebuild(data, data.visits, List.of(), issue -> null).facts();
        table = DailyFactTable.of(facts);
        System.out.println("\n1 000 000 visits → " + facts.size() + " daily fact rows");
        total = ReportQuery.of(BenchmarkData.TENANT, NOVEMBER);
        byAgent = total.withGroupBy(List.of(Dimension.AGENT));
        byTeamAndChannelForTwoPlans = new ReportQuery(BenchmarkData.TENANT, NOVEMBER,
                Map.of(Dimension.PLAN, Set.of("plan-1", "plan-2")), List.of(Dimension.TEAM, Dimension.CHANNEL));
    }

    /** The month report as served: the columnar table, all KPIs, one total row. */
    @Benchmark
    public KpiReport monthTotal() {
        return table.report(total);
    }

    /** Grouped by agent (200 rows) with the performance tiers. */
    @Benchmark
    public Object monthByAgentWithTiers() {
        return PerformanceReview.SEED_000.assessAgents(table.report(byAgent));
    }

    @Benchmark
    public KpiReport monthByTeamAndChannelFiltered() {
        return table.report(byTeamAndChannelForTwoPlans);
    }

    /** The same month report by the plain calculator over the list of daily facts, for comparison. */
    @Benchmark
    public KpiReport monthByAgentOverFactList() {
        return KpiCalculator.compute(byAgent, facts);
    }

    /** Building the columnar table from the daily facts (done once per refresh, not per request). */
    @Benchmark
    public int buildTable() {
        return DailyFactTable.of(facts).size();
    }

    @Benchmark
    public int rebuildDailyFacts() {
        return DailyFacts.rebuild(data, data.visits, List.of(), issue -> null).facts().size();
    }
}
