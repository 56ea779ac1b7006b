package com.huifang.reporting.kpi.domain;

import static com.huifang.reporting.kpi.domain.SamplingFixture.SHANGHAI;
import static com.huifang.reporting.kpi.domain.SamplingFixture.draw;
import static com.huifang.reporting.kpi.domain.SamplingFixture.served;
import static com.huifang.reporting.kpi.domain.SamplingFixture.visits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.huifang.contracts.events.ServiceEventRecorded;
import com.huifang.reporting.facts.domain.AppliedEvent;
import com.huifang.reporting.facts.domain.ServiceEventFact;
import com.huifang.reporting.facts.domain.VisitFact;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Sampling compliance per sampling plan and period against schedule-service's draws (SampleDrawn), by
 * hand-computed fixtures at the tiers' boundaries (seed 001: 100 and 300 households are in the 20 % tier).
 */
class PlanSamplingTests {

    private static final String T = "ts";
    private static final LocalDate OCT = LocalDate.of(2026, 10, 10);
    private static final LocalDate NOV = LocalDate.of(2026, 11, 10);
    private static final LocalDate DEC = LocalDate.of(2026, 12, 10);

    private static List<PlanSampling> compute(List<ReportRange> periods, PlanSampling.Granularity granularity,
                                              List<SampleDraw> draws, Map<String, LocalDate> retiredOn,
                                              Map<String, Set<String>> eventTypes, List<AppliedEvent> events) {
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
        return PlanSampling.compute(T, periods, granularity, draws, retiredOn, eventTypes, served.values(),
                visits.values(), SHANGHAI);
    }

    private static List<PlanSampling> months(List<ReportRange> periods, List<SampleDraw> draws, List<AppliedEvent> events) {
        return compute(periods, PlanSampling.Granularity.MONTH, draws, Map.of(), Map.of(), events);
    }

    private static List<ReportRange> month(int year, int month) {
        return List.of(ReportRange.month(YearMonth.of(year, month)));
    }

    private static List<ReportRange> q4(PlanSampling.Granularity granularity) {
        return PlanSampling.periods(ReportRange.quarter(2026, 4), granularity);
    }

    @Test
    void exactlyHundredHouseholdsAreJudgedOnTheDrawsTwentyPercentAndItsMandatoryOnes() {
        List<AppliedEvent> e = new ArrayList<>(served(T, "n", 100, "REPAIRED", NOV, 2));
        e.addAll(visits(T, "SAMPLE", "n", 22, 20, NOV)); // households 0 and 1 are mandatory and succeed
        // schedule-service: 100 households → 20 % → ⌈20⌉ = 20 required, 2 mandatory, 22 selected
        PlanSampling s = months(month(2026, 11), List.of(draw(T, "SAMPLE", "2026-11", 100, 20, 20, 2, 22)), e).get(0);
        assertThat(s.plan()).isEqualTo("SAMPLE");
        assertThat(s.period()).isEqualTo("2026-11");
        assertThat(s.from()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(s.to()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(s.drawn()).isTrue();
        assertThat(s.population()).isEqualTo(100);
        assertThat(s.requiredRatio()).isEqualTo(0.20);
        assertThat(s.required()).isEqualTo(20);
        assertThat(s.mandatory()).isEqualTo(2);
        assertThat(s.selected()).isEqualTo(22);
        assertThat(s.visited()).isEqualTo(20);
        assertThat(s.mandatoryVisited()).isEqualTo(2);
        assertThat(s.compliant()).isTrue();
    }

    @Test
    void exactlyThreeHundredHouseholdsDrawnAtTwentyPercentNeedSixtyVisited() {
        List<AppliedEvent> e = new ArrayList<>(served(T, "d", 300, "REPAIRED", DEC, 0));
        e.addAll(visits(T, "SAMPLE", "d", 60, 59, DEC));
        List<SampleDraw> drawn = List.of(draw(T, "SAMPLE", "2026-12", 300, 20, 60, 0, 60)); // ⌈300 × 20 %⌉, not 10 %
        PlanSampling s = months(month(2026, 12), drawn, e).get(0);
        assertThat(s.requiredRatio()).isEqualTo(0.20);
        assertThat(s.required()).isEqualTo(60);
        assertThat(s.visited()).isEqualTo(59);
        assertThat(s.compliant()).isFalse();

        List<AppliedEvent> all = new ArrayList<>(served(T, "d", 300, "REPAIRED", DEC, 0));
        all.addAll(visits(T, "SAMPLE", "d", 60, 60, DEC));
        assertThat(months(month(2026, 12), drawn, all).get(0).compliant()).isTrue();
    }

    @Test
    void threeHundredAndOneHouseholdsDrawnAtTenPercentNeedThirtyOne() {
        List<AppliedEvent> e = new ArrayList<>(served(T, "d", 301, "REPAIRED", DEC, 0));
        e.addAll(visits(T, "SAMPLE", "d", 31, 31, DEC));
        PlanSampling s = months(month(2026, 12), List.of(draw(T, "SAMPLE", "2026-12", 301, 10, 31, 0, 31)), e).get(0);
        assertThat(s.requiredRatio()).isEqualTo(0.10);
        assertThat(s.required()).isEqualTo(31);      // ⌈30.1⌉
        assertThat(s.compliant()).isTrue();
    }

    @Test
    void ninetyNineHouseholdsDrawnAtThirtyPercentNeedThirty() {
        List<AppliedEvent> e = new ArrayList<>(served(T, "n", 99, "REPAIRED", NOV, 0));
        e.addAll(visits(T, "SAMPLE", "n", 30, 29, NOV));
        PlanSampling s = months(month(2026, 11), List.of(draw(T, "SAMPLE", "2026-11", 99, 30, 30, 0, 30)), e).get(0);
        assertThat(s.requiredRatio()).isEqualTo(0.30);
        assertThat(s.required()).isEqualTo(30);      // ⌈29.7⌉
        assertThat(s.visited()).isEqualTo(29);
        assertThat(s.compliant()).isFalse();
    }

    @Test
    void theDrawsFiguresStandWhateverReportingSawServed() {
        // reporting saw 301 households of the type (two arrived after the draw): the draw's 299 → 20 % → 60 stand
        List<AppliedEvent> e = new ArrayList<>(served(T, "d", 301, "REPAIRED", DEC, 0));
        e.addAll(visits(T, "SAMPLE", "d", 60, 60, DEC));
        PlanSampling s = months(month(2026, 12), List.of(draw(T, "SAMPLE", "2026-12", 299, 20, 60, 0, 60)), e).get(0);
        assertThat(s.population()).isEqualTo(299);
        assertThat(s.requiredRatio()).isEqualTo(0.20);
        assertThat(s.required()).isEqualTo(60);
        assertThat(s.compliant()).isTrue();
    }

    @Test
    void whenAMandatoryHouseholdIsNotVisitedThenTheSampleDoesNotComplyWhateverItsSize() {
        List<AppliedEvent> missing = new ArrayList<>(served(T, "n", 100, "REPAIRED", NOV, 2));
        // households 0 and 1 are mandatory; household 0's visit is never planned
        visits(T, "SAMPLE", "n", 40, 40, NOV).stream()
                .filter(a -> !a.payload().toString().contains("v-SAMPLE-n-0,")).forEach(missing::add);
        PlanSampling s = months(month(2026, 11), List.of(draw(T, "SAMPLE", "2026-11", 100, 20, 20, 2, 40)), missing)
                .get(0);
        assertThat(s.visited()).isEqualTo(39);
        assertThat(s.mandatoryVisited()).isEqualTo(1);
        assertThat(s.compliant()).isFalse();
    }

    @Test
    void whenHouseholdsWereServedButNothingWasDrawnThenThePeriodIsNotDrawnAndNotCompliant() {
        List<AppliedEvent> e = new ArrayList<>(served(T, "o", 50, "REPAIRED", OCT, 0)); // before the first draw
        e.addAll(served(T, "n", 100, "REPAIRED", NOV, 0));
        e.addAll(visits(T, "SAMPLE", "n", 20, 20, NOV));
        e.addAll(served(T, "d", 300, "REPAIRED", DEC, 0));                               // never drawn
        e.addAll(served(T, "i", 10, "INSTALLED", NOV, 0));
        e.addAll(visits(T, "FULL", "i", 10, 9, NOV));     // a plan that never drew is not a sampling plan
        List<SampleDraw> drawn = List.of(draw(T, "SAMPLE", "2026-11", 100, 20, 20, 0, 20));
        List<PlanSampling> lines = months(q4(PlanSampling.Granularity.MONTH), drawn, e);
        assertThat(lines).extracting(PlanSampling::plan, PlanSampling::period, PlanSampling::drawn, PlanSampling::compliant)
                .containsExactly(tuple("SAMPLE", "2026-11", true, true), tuple("SAMPLE", "2026-12", false, false));
        PlanSampling december = lines.get(1);
        assertThat(december.population()).isEqualTo(300);  // the households seen served, to say so
        assertThat(december.requiredRatio()).isNull();
        assertThat(december.required()).isZero();
        assertThat(december.mandatory()).isZero();
        assertThat(december.selected()).isZero();

        // December alone: no visit of the plan in the range, its event types come from its visits of other periods
        List<AppliedEvent> decemberOnly = served(T, "d", 300, "REPAIRED", DEC, 0);
        assertThat(compute(month(2026, 12), PlanSampling.Granularity.MONTH, drawn, Map.of(),
                Map.of("SAMPLE", Set.of("REPAIRED")), decemberOnly))
                .extracting(PlanSampling::period, PlanSampling::drawn, PlanSampling::population, PlanSampling::compliant)
                .containsExactly(tuple("2026-12", false, 300L, false));
        assertThat(compute(month(2026, 12), PlanSampling.Granularity.MONTH, drawn, Map.of(),
                Map.of("SAMPLE", Set.of("INSTALLED")), decemberOnly)).isEmpty(); // not its households
        // retired on 1 December: nothing is missing from then on
        assertThat(compute(q4(PlanSampling.Granularity.MONTH), PlanSampling.Granularity.MONTH, drawn,
                Map.of("SAMPLE", LocalDate.of(2026, 12, 1)), Map.of(), e)).extracting(PlanSampling::period)
                .containsExactly("2026-11");
    }

    @Test
    void aQuarterAddsUpAMonthlyPlansThreeMonthsAndCompliesOnlyWhenEachMonthDoes() {
        List<AppliedEvent> e = new ArrayList<>(served(T, "n", 100, "REPAIRED", NOV, 2));
        e.addAll(served(T, "d", 300, "REPAIRED", DEC, 0));
        e.addAll(visits(T, "SAMPLE", "n", 22, 22, NOV));
        e.addAll(visits(T, "SAMPLE", "d", 60, 59, DEC));
        List<SampleDraw> drawn = List.of(draw(T, "SAMPLE", "2026-11", 100, 20, 20, 2, 22),
                draw(T, "SAMPLE", "2026-12", 300, 20, 60, 0, 60));
        assertThat(months(q4(PlanSampling.Granularity.MONTH), drawn, e))
                .extracting(PlanSampling::period, PlanSampling::required, PlanSampling::compliant)
                .containsExactly(tuple("2026-11", 20L, true), tuple("2026-12", 60L, false)); // October: nobody served
        PlanSampling quarter = compute(q4(PlanSampling.Granularity.QUARTER), PlanSampling.Granularity.QUARTER, drawn,
                Map.of(), Map.of(), e).get(0);
        assertThat(quarter.period()).isEqualTo("2026-Q4");
        assertThat(quarter.drawn()).isTrue();
        assertThat(quarter.population()).isEqualTo(400);     // 100 + 300, each month as drawn
        assertThat(quarter.requiredRatio()).isEqualTo(0.20);
        assertThat(quarter.required()).isEqualTo(80);        // 20 + 60, not 10 % of 400
        assertThat(quarter.mandatory()).isEqualTo(2);
        assertThat(quarter.selected()).isEqualTo(82);
        assertThat(quarter.visited()).isEqualTo(81);         // 22 + 59: 81 ≥ 80, but December fell short
        assertThat(quarter.compliant()).isFalse();
    }

    @Test
    void aQuarterlyPlanIsJudgedOnItsQuarterDrawAndOnlyInQuarters() {
        List<AppliedEvent> e = new ArrayList<>(served(T, "n", 100, "REPAIRED", NOV, 0));
        e.addAll(served(T, "d", 300, "REPAIRED", DEC, 0));
        e.addAll(visits(T, "QPLAN", "n", 10, 10, NOV));
        e.addAll(visits(T, "QPLAN", "d", 30, 30, DEC));
        // 400 households in the quarter → 10 % → 40
        List<SampleDraw> drawn = List.of(draw(T, "QPLAN", "2026-Q4", 400, 10, 40, 0, 40),
                draw("other", "QPLAN", "2026-Q4", 9, 30, 3, 0, 3)); // another tenant's draw is not ours
        List<PlanSampling> quarter = compute(q4(PlanSampling.Granularity.QUARTER), PlanSampling.Granularity.QUARTER,
                drawn, Map.of(), Map.of(), e);
        assertThat(quarter).extracting(PlanSampling::plan, PlanSampling::population, PlanSampling::requiredRatio,
                PlanSampling::required, PlanSampling::visited, PlanSampling::compliant)
                .containsExactly(tuple("QPLAN", 400L, 0.10, 40L, 40L, true));
        assertThat(months(q4(PlanSampling.Granularity.MONTH), drawn, e)).isEmpty();
    }

    @Test
    void aRangeIsCutIntoItsMonthsOrQuartersAndEachIsJudgedWhole() {
        List<ReportRange> months = PlanSampling.periods(ReportRange.of(LocalDate.of(2026, 10, 15),
                LocalDate.of(2026, 12, 31)), PlanSampling.Granularity.MONTH);
        assertThat(months).extracting(ReportRange::label).containsExactly("2026-10-15..2026-10-31", "2026-11", "2026-12");
        assertThat(PlanSampling.whole(months.get(0), PlanSampling.Granularity.MONTH).label()).isEqualTo("2026-10");
        assertThat(PlanSampling.whole(months.get(0), PlanSampling.Granularity.QUARTER).label()).isEqualTo("2026-Q4");
        assertThat(PlanSampling.periods(ReportRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)),
                PlanSampling.Granularity.QUARTER)).extracting(ReportRange::label)
                .containsExactly("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4");
        assertThatThrownBy(() -> PlanSampling.Granularity.parse("week"))
                .isInstanceOfSatisfying(ReportRequestException.class, x -> assertThat(x.field()).isEqualTo("period"));

        // a month cut by the range is its whole month: the draw of October and its visits
        List<AppliedEvent> e = new ArrayList<>(served(T, "o", 10, "REPAIRED", LocalDate.of(2026, 10, 2), 0));
        e.addAll(visits(T, "SAMPLE", "o", 3, 3, LocalDate.of(2026, 10, 2)));
        PlanSampling october = months(months, List.of(draw(T, "SAMPLE", "2026-10", 10, 30, 3, 0, 3)), e).get(0);
        assertThat(october.period()).isEqualTo("2026-10");
        assertThat(october.from()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(october.visited()).isEqualTo(3);
        assertThat(october.compliant()).isTrue();
    }

    @Test
    void aDrawKeepsTheLaterOfTwoCopiesAndKnowsItsPeriod() {
        SampleDraw first = draw(T, "SAMPLE", "2026-11", 100, 20, 20, 2, 22);
        SampleDraw later = new SampleDraw(T, "SAMPLE", "2026-11", 101, 20, 21, 2, 23,
                first.drawnAt().plusSeconds(3600));
        assertThat(first.merge(later)).isEqualTo(later);
        assertThat(later.merge(first)).isEqualTo(later);
        assertThat(first.merge(first)).isEqualTo(first);
        assertThat(first.quarterly()).isFalse();
        assertThat(SampleDraw.span("2026-Q4")).isEqualTo(ReportRange.quarter(2026, 4));
        assertThatThrownBy(() -> new SampleDraw(T, "SAMPLE", "2026-13", 1, 30, 1, 0, 1, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
