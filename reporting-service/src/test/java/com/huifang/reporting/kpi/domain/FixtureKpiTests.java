package com.huifang.reporting.kpi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.huifang.reporting.facts.domain.Counter;
import com.huifang.reporting.facts.domain.DailyFact;
import com.huifang.reporting.facts.domain.DailyFacts;
import com.huifang.reporting.facts.domain.NovemberFixture;
import com.huifang.reporting.facts.domain.ReportingProjection;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every KPI over {@link NovemberFixture}, against values computed by hand in the comments. */
class FixtureKpiTests {

    private static final ReportRange NOVEMBER = ReportRange.month(YearMonth.of(2026, 11));

    private ReportingProjection projection;
    private DailyFacts daily;
    private List<DailyFact> facts;

    @BeforeEach
    void project() {
        projection = NovemberFixture.project(NovemberFixture.events());
        daily = projection.dailyFacts();
        facts = daily.facts();
    }

    private KpiReport report(ReportQuery q) {
        return KpiCalculator.compute(q, facts);
    }

    private KpiRow november() {
        return report(ReportQuery.of("t1", NOVEMBER)).total();
    }

    @Test
    void dueCountsVisitsByTenantLocalDueDate() {
        // v1..v8; v8 is due 2026-10-31 17:00 UTC = 11-01 local, v9 16:30 UTC on 11-30 = 12-01 local
        assertThat(november().value(Kpi.DUE)).isEqualTo(8.0);
        assertThat(KpiCalculator.compute(ReportQuery.of("t1", ReportRange.month(YearMonth.of(2026, 12))), facts)
                .total().value(Kpi.DUE)).isEqualTo(1.0);
    }

    @Test
    void otherTenantsNeverCount() {
        assertThat(report(ReportQuery.of("t2", NOVEMBER)).total().value(Kpi.DUE)).isEqualTo(1.0);
        assertThat(november().counters().get(Counter.SUCCESSFUL)).isEqualTo(3);
    }

    @Test
    void outcomeCounts() {
        KpiRow r = november();
        assertThat(r.value(Kpi.ATTEMPTED)).isEqualTo(6.0);   // v1 v2 v3 v5 v6 v7
        assertThat(r.value(Kpi.SUCCESSFUL)).isEqualTo(3.0);  // v1 v2 v5
        assertThat(r.value(Kpi.REFUSED)).isEqualTo(1.0);     // v3
        assertThat(r.value(Kpi.CANCELLED)).isEqualTo(1.0);   // v4
        assertThat(r.value(Kpi.FAILED)).isEqualTo(1.0);      // v6
        assertThat(r.counters().get(Counter.OPEN)).isEqualTo(2); // v7 v8
    }

    @Test
    void attemptedRateIsVisitsWithAnAttemptOverDue() {
        assertThat(november().value(Kpi.ATTEMPTED_RATE)).isEqualTo(6.0 / 8);
    }

    @Test
    void successRateLeavesRefusedAndCancelledOutOfTheDenominator() {
        // 3 / (8 − 1 refused − 1 cancelled) = 0.5, not 3 / 8
        assertThat(november().value(Kpi.SUCCESS_RATE)).isEqualTo(0.5);
    }

    @Test
    void onTimeSuccessRateIsSuccessfulBeforeDeadlineOverDue() {
        // v1, v5 on time; v2 after its deadline counts as successful but not on time
        assertThat(november().value(Kpi.ON_TIME_SUCCESS_RATE)).isEqualTo(2.0 / 8);
    }

    @Test
    void homeVisitAndLetterShareIsFlaggedAboveTenPercent() {
        KpiRow r = november();
        assertThat(r.value(Kpi.HOME_VISIT_LETTER_SHARE)).isEqualTo(1.0 / 3); // v5 of v1 v2 v5
        assertThat(r.homeVisitLetterShareOverLimit()).isTrue();
    }

    @Test
    void satisfactionScores() {
        KpiRow r = november();
        assertThat(r.value(Kpi.SURVEYS)).isEqualTo(3.0);
        assertThat(r.value(Kpi.CSAT)).isEqualTo(2.0 / 3);                        // 5.0 and 4.0 of 5.0, 3.5, 4.0
        assertThat(r.value(Kpi.MEAN_RATING)).isCloseTo(12.5 / 3, within(1e-9));  // (5 + 3.5 + 4) / 3
        assertThat(r.value(Kpi.NPS)).isEqualTo(0.0);                             // 1 promoter, 1 passive (8 → derived), 1 detractor
    }

    @Test
    void issueFigures() {
        KpiRow r = november();
        assertThat(r.value(Kpi.ISSUE_RATE)).isEqualTo(2.0 / 3);            // v2, v5 of 3 successful
        assertThat(r.value(Kpi.ISSUES_RAISED)).isEqualTo(3.0);            // i1 i2 i3
        assertThat(r.value(Kpi.ISSUE_RESOLUTION_RATE)).isEqualTo(2.0 / 3); // i1 i3
        assertThat(r.value(Kpi.SLA_COMPLIANCE)).isEqualTo(0.5);           // i1 met, i3 missed
        assertThat(r.counters().get(Counter.ISSUES_ESCALATED)).isEqualTo(1);
        assertThat(r.counters().get(Counter.ISSUES_MAJOR)).isEqualTo(1);
        assertThat(r.counters().get(Counter.ISSUES_CLOSED)).isEqualTo(1);
    }

    @Test
    void groupedByAgent() {
        KpiReport byAgent = report(ReportQuery.parse("t1", NOVEMBER, Map.of(), List.of("agent")));
        // the unattributed issue i2 forms a row of its own under the unknown agent "-"
        assertThat(byAgent.rows()).extracting(r -> r.group().get(Dimension.AGENT)).containsExactly("-", "a1", "a2");
        KpiRow a1 = byAgent.rows().get(1);
        KpiRow a2 = byAgent.rows().get(2);
        assertThat(a1.value(Kpi.DUE)).isEqualTo(4.0);
        assertThat(a1.value(Kpi.SUCCESS_RATE)).isEqualTo(1.0);    // 2 / (4 − 1 − 1)
        assertThat(a1.value(Kpi.ATTEMPTED_RATE)).isEqualTo(0.75); // v1 v2 v3
        assertThat(a2.value(Kpi.SUCCESS_RATE)).isEqualTo(0.25);   // 1 / 4
        assertThat(a2.value(Kpi.ATTEMPTED_RATE)).isEqualTo(0.75); // v5 v6 v7
        assertThat(a2.value(Kpi.HOME_VISIT_LETTER_SHARE)).isEqualTo(1.0);
        assertThat(byAgent.rows().get(0).value(Kpi.DUE)).isEqualTo(0.0);
        assertThat(byAgent.rows().get(0).value(Kpi.SUCCESS_RATE)).isNull();
        assertThat(byAgent.total().counters()).isEqualTo(november().counters());
    }

    @Test
    void groupedByTeamAndCategoryFilteredByChannel() {
        KpiReport r = report(ReportQuery.parse("t1", NOVEMBER, Map.of("channel", Set.of("PHONE")),
                List.of("team", "category")));
        assertThat(r.rows()).extracting(row -> row.group().get(Dimension.TEAM) + "/" + row.group().get(Dimension.CATEGORY)
                        + "=" + row.value(Kpi.DUE).intValue())
                .containsExactly("T1/住院=2", "T1/门诊=2", "T2/门诊=3");
        assertThat(r.total().value(Kpi.DUE)).isEqualTo(7.0);
        assertThat(report(ReportQuery.parse("t1", NOVEMBER, Map.of("department", Set.of("D1")), List.of()))
                .total().value(Kpi.DUE)).isEqualTo(8.0);
    }

    @Test
    void shortRangeCountsOnlyItsDays() {
        var firstWeek = ReportRange.of(java.time.LocalDate.of(2026, 11, 1), java.time.LocalDate.of(2026, 11, 7));
        // v8 (11-01), v1 (11-03), v2 (11-05), v3 (11-06), v4 (11-07)
        assertThat(report(ReportQuery.of("t1", firstWeek)).total().value(Kpi.DUE)).isEqualTo(5.0);
    }

    @Test
    void agentPerformanceTiersBelowTarget() {
        KpiReport byAgent = report(ReportQuery.parse("t1", NOVEMBER, Map.of("agent", Set.of("a1", "a2")),
                List.of("agent")));
        var perf = PerformanceReview.SEED_000.assessAgents(byAgent);
        // a1: 回访率 75 % vs 100 % → 25 points → 5 tiers; success 100 % ≥ 90 % → 0
        assertThat(perf.get(0).agent()).isEqualTo("a1");
        assertThat(perf.get(0).tiersBelow()).isEqualTo(5);
        assertThat(perf.get(0).deduction()).isEqualTo(5.0);
        // a2: 回访率 25 points → 5 tiers; success 25 % vs 90 % → 65 points → 13 tiers
        assertThat(perf.get(1).tiersBelow()).isEqualTo(18);
        assertThat(perf.get(1).results()).extracting(PerformanceReview.TargetResult::tiersBelow).containsExactly(5, 13);
    }

    @Test
    void complaintRatePerStaffMember() {
        var rates = ComplaintRates.compute("t1", NOVEMBER, daily.staffFacts());
        // s1 served the customers of v1 v2 v5 (se1, all successful) and i1 names them: 1 / 3
        // s2: i2 names them, no successful visit of their customers: rate null
        assertThat(rates).containsExactly(
                new ComplaintRates.StaffComplaintRate("s1", 1, 3, 1.0 / 3),
                new ComplaintRates.StaffComplaintRate("s2", 1, 0, null));
    }

    @Test
    void opinionsOfThePeriod() {
        var opinions = Opinions.of(ReportQuery.of("t1", NOVEMBER), projection.visitFacts(), projection);
        assertThat(opinions).extracting(Opinion::visitId, Opinion::comment, Opinion::agent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("v1", "护士很耐心", "a1"),
                        org.assertj.core.groups.Tuple.tuple("v5", "建议增加周末回访", "a2"));
        assertThat(Opinions.of(ReportQuery.parse("t1", NOVEMBER, Map.of("agent", Set.of("a2")), List.of()),
                projection.visitFacts(), projection)).hasSize(1);
    }

    @Test
    void issuesOfThePeriod() {
        var issues = IssueLine.of("t1", NOVEMBER, projection.issueFacts(), projection);
        assertThat(issues).extracting(IssueLine::issueId, IssueLine::status, IssueLine::slaMet)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("i3", "RESOLVED", false),
                        org.assertj.core.groups.Tuple.tuple("i1", "CLOSED", true),
                        org.assertj.core.groups.Tuple.tuple("i2", "ESCALATED", null));
        assertThat(issues.get(2).highestEscalation()).isEqualTo("SUPERVISOR");
    }

    @Test
    void columnarTableGivesTheSameReports() {
        DailyFactTable table = DailyFactTable.of(facts);
        for (List<String> groupBy : List.of(List.<String>of(), List.of("agent"), List.of("team", "category"),
                List.of("channel", "plan", "department"))) {
            ReportQuery q = ReportQuery.parse("t1", NOVEMBER, Map.of(), groupBy);
            assertThat(table.report(q)).isEqualTo(KpiCalculator.compute(q, facts));
        }
        ReportQuery other = ReportQuery.of("nobody", NOVEMBER);
        assertThat(table.report(other)).isEqualTo(KpiCalculator.compute(other, facts));
    }
}
