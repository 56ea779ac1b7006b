package com.huifang.reporting.kpi.domain;

import static com.huifang.reporting.kpi.domain.SamplingFixture.SHANGHAI;
import static com.huifang.reporting.kpi.domain.SamplingFixture.served;
import static com.huifang.reporting.kpi.domain.SamplingFixture.visits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huifang.contracts.events.ServiceEventRecorded;
import com.huifang.reporting.facts.domain.AppliedEvent;
import com.huifang.reporting.facts.domain.ServiceEventFact;
import com.huifang.reporting.facts.domain.VisitFact;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sampling compliance per plan and period, by hand-computed fixtures at the tiers' boundaries (seed 001). */
class PlanSamplingTests {

    private static final String T = "ts";
    private static final LocalDate NOV = LocalDate.of(2026, 11, 10);
    private static final LocalDate DEC = LocalDate.of(2026, 12, 10);

    private static List<PlanSampling> compute(List<ReportRange> periods, List<AppliedEvent> events) {
        Map<String, ServiceEventFact> served = new LinkedHashMap<>();
        Map<String, VisitFact> visits = new LinkedHashMap<>();
        for (AppliedEvent e : events) {
            if (e.payload() instanceof ServiceEventRecorded se) {
                served.compute(e.tenantId() + "/" + se.serviceEventId(), (k, f) -> (f == null
                        ? ServiceEventFact.empty(e.tenantId(), se.serviceEventId()) : f).apply(e));
            } else {
                String id = VisitFact.visitIdOf(e);
                visits.compute(e.tenantId() + "/" + id, (k, f) -> (f == null ? VisitFact.empty(e.tenantId(), id) : f)
                        .apply(e));
            }
        }
        return PlanSampling.compute(T, periods, served.values(), visits.values(), SHANGHAI, SamplingTiers.SEED_001);
    }

    private static List<ReportRange> month(int year, int month) {
        return List.of(ReportRange.month(YearMonth.of(year, month)));
    }

    @Test
    void exactlyHundredHouseholdsFallInTheTwentyPercentTier() {
        List<AppliedEvent> e = new ArrayList<>(served(T, "n", 100, "REPAIRED", NOV, 2));
        e.addAll(visits(T, "SAMPLE", "n", 22, 20, NOV)); // households 0 and 1 are mandatory and succeed
        PlanSampling s = compute(month(2026, 11), e).get(0);
        assertThat(s.plan()).isEqualTo("SAMPLE");
        assertThat(s.period()).isEqualTo("2026-11");
        assertThat(s.population()).isEqualTo(100);
        assertThat(s.requiredRatio()).isEqualTo(0.20);
        assertThat(s.required()).isEqualTo(20);      // ⌈100 × 20 %⌉
        assertThat(s.planned()).isEqualTo(22);
        assertThat(s.sampled()).isTrue();
        assertThat(s.visited()).isEqualTo(20);
        assertThat(s.mandatory()).isEqualTo(2);
        assertThat(s.mandatoryVisited()).isEqualTo(2);
        assertThat(s.compliant()).isTrue();
    }

    @Test
    void ninetyNineHouseholdsNeedThirtyPercentRoundedUp() {
        List<AppliedEvent> e = new ArrayList<>(served(T, "n", 99, "REPAIRED", NOV, 0));
        e.addAll(visits(T, "SAMPLE", "n", 30, 29, NOV));
        PlanSampling s = compute(month(2026, 11), e).get(0);
        assertThat(s.requiredRatio()).isEqualTo(0.30);
        assertThat(s.required()).isEqualTo(30);      // ⌈99 × 30 % = 29.7⌉
        assertThat(s.visited()).isEqualTo(29);
        assertThat(s.compliant()).isFalse();
    }

    @Test
    void exactlyThreeHundredHouseholdsStillNeedTwentyPercent() {
        List<AppliedEvent> e = new ArrayList<>(served(T, "d", 300, "REPAIRED", DEC, 0));
        e.addAll(visits(T, "SAMPLE", "d", 60, 59, DEC));
        PlanSampling s = compute(month(2026, 12), e).get(0);
        assertThat(s.requiredRatio()).isEqualTo(0.20);
        assertThat(s.required()).isEqualTo(60);      // ⌈300 × 20 %⌉, not 10 %
        assertThat(s.visited()).isEqualTo(59);
        assertThat(s.compliant()).isFalse();
    }

    @Test
    void threeHundredAndOneHouseholdsNeedTenPercentRoundedUp() {
        List<AppliedEvent> e = new ArrayList<>(served(T, "d", 301, "REPAIRED", DEC, 0));
        e.addAll(visits(T, "SAMPLE", "d", 31, 31, DEC));
        PlanSampling s = compute(month(2026, 12), e).get(0);
        assertThat(s.requiredRatio()).isEqualTo(0.10);
        assertThat(s.required()).isEqualTo(31);      // ⌈30.1⌉
        assertThat(s.compliant()).isTrue();
    }

    @Test
    void whenAMandatoryHouseholdIsNotVisitedThenTheSampleDoesNotComplyWhateverItsSize() {
        List<AppliedEvent> e = new ArrayList<>(served(T, "n", 100, "REPAIRED", NOV, 25));
        // 25 mandatory households: they raise the required count above 20 % (⌈20⌉) to 25
        e.addAll(visits(T, "SAMPLE", "n", 30, 30, NOV));
        assertThat(compute(month(2026, 11), e).get(0)).satisfies(s -> {
            assertThat(s.required()).isEqualTo(25);
            assertThat(s.compliant()).isTrue();
        });
        List<AppliedEvent> missing = new ArrayList<>(served(T, "n", 100, "REPAIRED", NOV, 2));
        // households 0 and 1 are mandatory; visits are planned from household 1 on, so household 0 is never visited
        visits(T, "SAMPLE", "n", 40, 40, NOV).stream()
                .filter(a -> !a.payload().toString().contains("v-SAMPLE-n-0,")).forEach(missing::add);
        PlanSampling s = compute(month(2026, 11), missing).get(0);
        assertThat(s.visited()).isEqualTo(39);
        assertThat(s.mandatoryVisited()).isEqualTo(1);
        assertThat(s.compliant()).isFalse();
    }

    @Test
    void aQuarterJudgesTheDistinctHouseholdsOfItsThreeMonthsTogether() {
        List<AppliedEvent> e = new ArrayList<>(served(T, "n", 100, "REPAIRED", NOV, 0));
        e.addAll(served(T, "d", 300, "REPAIRED", DEC, 0));
        e.addAll(visits(T, "SAMPLE", "n", 20, 20, NOV));
        e.addAll(visits(T, "SAMPLE", "d", 59, 59, DEC));
        List<PlanSampling> months = compute(PlanSampling.periods(ReportRange.quarter(2026, 4),
                PlanSampling.Granularity.MONTH), e);
        assertThat(months).extracting(PlanSampling::period, PlanSampling::required, PlanSampling::compliant)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-11", 20L, true),
                        org.assertj.core.groups.Tuple.tuple("2026-12", 60L, false)); // October: nobody served
        PlanSampling quarter = compute(PlanSampling.periods(ReportRange.quarter(2026, 4),
                PlanSampling.Granularity.QUARTER), e).get(0);
        assertThat(quarter.period()).isEqualTo("2026-Q4");
        assertThat(quarter.population()).isEqualTo(400);
        assertThat(quarter.required()).isEqualTo(40);   // > 300: 10 %
        assertThat(quarter.visited()).isEqualTo(79);
        assertThat(quarter.compliant()).isTrue();
    }

    @Test
    void aPlanVisitingEveryHouseholdIsNotSampledAndOtherTypesAreNotItsPopulation() {
        List<AppliedEvent> e = new ArrayList<>(served(T, "n", 100, "REPAIRED", NOV, 0));
        e.addAll(served(T, "i", 10, "INSTALLED", NOV, 0));
        e.addAll(served(T, "i", 10, "INSTALLED", NOV.plusDays(1), 0)); // the same households again: still 10
        e.addAll(visits(T, "FULL", "i", 10, 9, NOV));
        e.addAll(visits(T, "SAMPLE", "n", 20, 20, NOV));
        e.addAll(served("other", "n", 500, "REPAIRED", NOV, 0)); // another tenant's households never count
        List<PlanSampling> all = compute(month(2026, 11), e);
        assertThat(all).extracting(PlanSampling::plan).containsExactly("FULL", "SAMPLE");
        PlanSampling full = all.get(0);
        assertThat(full.population()).isEqualTo(10);
        assertThat(full.planned()).isEqualTo(10);
        assertThat(full.sampled()).isFalse();
        assertThat(full.required()).isEqualTo(3);     // ⌈10 × 30 %⌉
        assertThat(all.get(1).population()).isEqualTo(100);
    }

    @Test
    void aRangeIsCutIntoItsMonthsOrQuartersClippedToTheRange() {
        List<ReportRange> months = PlanSampling.periods(ReportRange.of(LocalDate.of(2026, 10, 15),
                LocalDate.of(2026, 12, 31)), PlanSampling.Granularity.MONTH);
        assertThat(months).extracting(ReportRange::label).containsExactly("2026-10-15..2026-10-31", "2026-11", "2026-12");
        assertThat(PlanSampling.periods(ReportRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)),
                PlanSampling.Granularity.QUARTER)).extracting(ReportRange::label)
                .containsExactly("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4");
        assertThatThrownBy(() -> PlanSampling.Granularity.parse("week"))
                .isInstanceOfSatisfying(ReportRequestException.class, x -> assertThat(x.field()).isEqualTo("period"));
    }
}
