package com.huifang.reporting.kpi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huifang.reporting.facts.domain.Counter;
import com.huifang.reporting.facts.domain.Counters;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KpiRuleTests {

    @Test
    void zeroDenominatorGivesNullNeverNaN() {
        Counters empty = new Counters();
        for (Kpi k : Kpi.values()) {
            Double v = k.valueOf(empty);
            if (k.unit() == KpiUnit.COUNT) {
                assertThat(v).as(k.code()).isEqualTo(0.0);
            } else {
                assertThat(v).as(k.code()).isNull();
            }
        }
        // due − refused − cancelled = 0
        Counters allRefused = Counters.of(Map.of(Counter.DUE, 2L, Counter.REFUSED, 1L, Counter.CANCELLED_BEFORE_VISIT, 1L));
        assertThat(Kpi.SUCCESS_RATE.valueOf(allRefused)).isNull();
    }

    @Test
    void everyKpiHasBothDefinitions() {
        for (Kpi k : Kpi.values()) {
            assertThat(k.nameZh()).isNotBlank();
            assertThat(k.nameEn()).isNotBlank();
            assertThat(k.definitionZh()).isNotBlank();
            assertThat(k.definitionEn()).isNotBlank();
            assertThat(Kpi.parse(k.code(), "kpi")).isEqualTo(k);
        }
    }

    @Test
    void npsIsPromotersMinusDetractorsInPoints() {
        Counters c = Counters.of(Map.of(Counter.PROMOTERS, 5L, Counter.PASSIVES, 3L, Counter.DETRACTORS, 2L,
                Counter.NPS_ANSWERS, 10L));
        assertThat(Kpi.NPS.valueOf(c)).isEqualTo(30.0);
    }

    @Test
    void endBeforeStartNamesTheEnd() {
        assertThatThrownBy(() -> ReportRange.of(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 1)))
                .isInstanceOfSatisfying(ReportRequestException.class, e -> assertThat(e.field()).isEqualTo("end"));
    }

    @Test
    void missingStartNamesTheStart() {
        assertThatThrownBy(() -> ReportRange.of(null, LocalDate.of(2026, 11, 1)))
                .isInstanceOfSatisfying(ReportRequestException.class, e -> assertThat(e.field()).isEqualTo("start"));
    }

    @Test
    void spanOverTheMaximumIsRefused() {
        LocalDate start = LocalDate.of(2026, 1, 1);
        assertThat(ReportRange.of(start, start.plusDays(365)).days()).isEqualTo(366);
        assertThatThrownBy(() -> ReportRange.of(start, start.plusDays(366)))
                .isInstanceOfSatisfying(ReportRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("end");
                    assertThat(e.reason()).contains("367 days");
                });
        assertThatThrownBy(() -> ReportRange.of(start, start.plusDays(31), 31))
                .isInstanceOf(ReportRequestException.class);
    }

    @Test
    void monthAndQuarterBounds() {
        assertThat(ReportRange.month(YearMonth.of(2028, 2))).extracting(ReportRange::start, ReportRange::end)
                .containsExactly(LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 29));
        ReportRange q4 = ReportRange.quarter(2026, 4);
        assertThat(q4.start()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(q4.end()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(q4.label()).isEqualTo("2026-Q4");
        assertThatThrownBy(() -> ReportRange.quarter(2026, 5))
                .isInstanceOfSatisfying(ReportRequestException.class, e -> assertThat(e.field()).isEqualTo("quarter"));
    }

    @Test
    void unknownDimensionsAreRejectedNamingTheField() {
        ReportRange r = ReportRange.month(YearMonth.of(2026, 11));
        assertThatThrownBy(() -> ReportQuery.parse("t1", r, Map.of(), List.of("agent", "customerName")))
                .isInstanceOfSatisfying(ReportRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("groupBy");
                    assertThat(e.reason()).contains("customerName").contains("plan, category, agent");
                });
        assertThatThrownBy(() -> ReportQuery.parse("t1", r, Map.of("phone", Set.of("1")), List.of()))
                .isInstanceOfSatisfying(ReportRequestException.class, e -> assertThat(e.field()).isEqualTo("filter.phone"));
        assertThat(ReportQuery.parse("t1", r, Map.of("Channel", Set.of("PHONE")), List.of(" TEAM ")).groupBy())
                .containsExactly(Dimension.TEAM);
    }

    @ParameterizedTest(name = "{0} against 100 % → {1} tiers")
    @CsvSource({"1.0,0", "0.97,1", "0.95,1", "0.9499,2", "0.90,2", "0.5,10", "1.2,0"})
    void oneTierPerStartedFivePointsBelowTarget(double actual, int tiers) {
        // build counters with the given attempted rate over 10 000 due visits
        Counters c = Counters.of(Map.of(Counter.DUE, 10_000L, Counter.ATTEMPTED, Math.round(actual * 10_000)));
        var review = new PerformanceReview(Map.of(Kpi.ATTEMPTED_RATE, 1.0), 5, 1.5);
        var result = review.assess(new KpiRow(Map.of(), c)).get(0);
        assertThat(result.tiersBelow()).isEqualTo(tiers);
        assertThat(result.deduction()).isEqualTo(tiers * 1.5);
    }

    @Test
    void aRateWithoutDenominatorGetsNoTier() {
        var result = PerformanceReview.SEED_000.assess(new KpiRow(Map.of(), new Counters()));
        assertThat(result).allSatisfy(r -> {
            assertThat(r.actual()).isNull();
            assertThat(r.tiersBelow()).isZero();
        });
    }

    @Test
    void performanceNeedsAReportByAgent() {
        var report = KpiCalculator.compute(ReportQuery.of("t1", ReportRange.month(YearMonth.of(2026, 11))), List.of());
        assertThatThrownBy(() -> PerformanceReview.SEED_000.assessAgents(report))
                .isInstanceOfSatisfying(ReportRequestException.class, e -> assertThat(e.field()).isEqualTo("groupBy"));
    }
}
