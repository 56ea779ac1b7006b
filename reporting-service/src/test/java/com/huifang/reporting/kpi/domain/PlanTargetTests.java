package com.huifang.reporting.kpi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.contracts.events.PlanTargetsChanged;
import com.huifang.reporting.facts.domain.Counter;
import com.huifang.reporting.facts.domain.Counters;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A plan's latest targets (highest version wins) and its figures judged against them. */
class PlanTargetTests {

    private static final Instant AT = Instant.parse("2026-10-01T00:00:00Z");

    private static PlanTarget v(int version, Double coverage, Double success) {
        return PlanTarget.of("t1", new PlanTargetsChanged("P1", version, "plan v" + version, coverage, success, false, AT));
    }

    @Test
    void theHighestVersionWinsInAnyOrderAndAgain() {
        PlanTarget v1 = v(1, 90.0, 80.0);
        PlanTarget v2 = v(2, 100.0, 85.0);
        assertThat(v1.merge(v2)).isEqualTo(v2);
        assertThat(v2.merge(v1)).isEqualTo(v2);
        assertThat(v2.merge(v2)).isEqualTo(v2);
        assertThat(v2.merge(null)).isEqualTo(v2);
        assertThat(v2.coverage()).isEqualTo(1.0);
        assertThat(v2.successRate()).isEqualTo(0.85);
    }

    @Test
    void aRetireUnderTheSameVersionWinsInAnyOrder() {
        // schedule-service retires a plan under its last published version
        PlanTarget published = v(2, 100.0, 85.0);
        PlanTarget retired = PlanTarget.of("t1", new PlanTargetsChanged("P1", 2, "plan v2", 100.0, 85.0, true,
                AT.plusSeconds(60)));
        assertThat(published.merge(retired)).isEqualTo(retired);
        assertThat(retired.merge(published)).isEqualTo(retired);
        assertThat(retired.merge(retired)).isEqualTo(retired);
        assertThat(retired.merge(v(3, 90.0, 80.0))).isEqualTo(v(3, 90.0, 80.0));
    }

    private static KpiRow row(String plan, long due, long attempted, long successful, long refused) {
        return new KpiRow(Map.of(Dimension.PLAN, plan), Counters.of(Map.of(Counter.DUE, due, Counter.ATTEMPTED, attempted,
                Counter.SUCCESSFUL, successful, Counter.REFUSED, refused)));
    }

    @Test
    void coverageAndSuccessRateAreMetWhenTheActualReachesTheTarget() {
        ReportQuery q = ReportQuery.of("t1", ReportRange.month(YearMonth.of(2026, 11))).withGroupBy(List.of(Dimension.PLAN));
        // P1: 9 of 10 attempted = 90 % vs 90 % (met); success 6 / (10 − 2 refused) = 75 % vs 80 % (not met)
        // P2: visits but no targets; P3: targets but no visits in the period
        KpiReport report = new KpiReport(q, List.of(row("P1", 10, 9, 6, 2), row("P2", 4, 4, 4, 0)), row("", 14, 13, 10, 2));
        PlanTarget p3 = PlanTarget.of("t1", new PlanTargetsChanged("P3", 1, "P3", 95.0, null, true, AT));
        List<PlanTargetResult> results = PlanTargetResult.judge(report, List.of(v(1, 90.0, 80.0), p3));
        assertThat(results).extracting(PlanTargetResult::plan).containsExactly("P1", "P2", "P3");
        PlanTargetResult p1 = results.get(0);
        assertThat(p1.coverage()).isEqualTo(new PlanTargetResult.Judged(0.9, 0.9, true));
        assertThat(p1.successRate()).isEqualTo(new PlanTargetResult.Judged(0.8, 0.75, false));
        assertThat(results.get(1).target()).isNull();
        assertThat(results.get(1).coverage().met()).isNull();
        assertThat(results.get(2).coverage()).isEqualTo(new PlanTargetResult.Judged(0.95, null, null));
        assertThat(results.get(2).successRate()).isEqualTo(new PlanTargetResult.Judged(null, null, null));
        // a plan filter keeps other plans' targets out
        KpiReport onlyP1 = new KpiReport(new ReportQuery("t1", q.range(), Map.of(Dimension.PLAN, Set.of("P1")),
                List.of(Dimension.PLAN)), List.of(row("P1", 10, 9, 6, 2)), row("", 10, 9, 6, 2));
        assertThat(PlanTargetResult.judge(onlyP1, List.of(v(1, 90.0, 80.0), p3))).extracting(PlanTargetResult::plan)
                .containsExactly("P1");
    }
}
