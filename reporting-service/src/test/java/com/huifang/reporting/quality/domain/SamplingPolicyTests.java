package com.huifang.reporting.quality.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplingPolicyTests {

    @Test
    void defaultIsFivePercentWithAMinimumOfTwo() {
        assertThat(SamplingPolicy.DEFAULT).isEqualTo(new SamplingPolicy(0.05, 2));
    }

    @Test
    void shareBoundaryFivePercentOfFortyIsTwoAndOfFortyOneIsThree() {
        SamplingPolicy p = new SamplingPolicy(0.05, 0);
        assertThat(p.sampleSize(40)).isEqualTo(2);
        assertThat(p.sampleSize(41)).isEqualTo(3);
        assertThat(p.sampleSize(100)).isEqualTo(5);
    }

    @Test
    void minimumCountWinsOverASmallShareButNeverExceedsWhatWasFinished() {
        SamplingPolicy p = SamplingPolicy.DEFAULT;
        assertThat(p.sampleSize(10)).isEqualTo(2);   // 5 % of 10 is 0.5 → 1, minimum 2
        assertThat(p.sampleSize(1)).isEqualTo(1);
        assertThat(p.sampleSize(0)).isZero();
        assertThat(p.sampleSize(60)).isEqualTo(3);
    }

    @Test
    void shareOutsideZeroToOneAndMinimumOutOfRangeAreRejectedTogether() {
        assertThatThrownBy(() -> new SamplingPolicy(0, -1)).isInstanceOfSatisfying(QualityRuleException.class,
                e -> assertThat(e.violations()).extracting(QualityRuleException.Violation::field)
                        .containsExactly("share", "minimum"));
        assertThatThrownBy(() -> new SamplingPolicy(1.01, 2)).isInstanceOf(QualityRuleException.class);
        assertThatThrownBy(() -> new SamplingPolicy(Double.NaN, 2)).isInstanceOf(QualityRuleException.class);
        assertThat(new SamplingPolicy(1, 0).sampleSize(7)).isEqualTo(7);
    }

    @Test
    void theDrawDependsOnTenantAndMonthSoMonthsDoNotRepeatTheSameVisits() {
        List<FinishedVisit> visits = java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> new FinishedVisit("v" + i, "a1")).toList();
        SamplingPolicy p = new SamplingPolicy(0.05, 0);
        List<String> nov = ReviewSample.draw("t1", YearMonth.of(2026, 11), p, visits).agents().get(0).visitIds();
        List<String> dec = ReviewSample.draw("t1", YearMonth.of(2026, 12), p, visits).agents().get(0).visitIds();
        List<String> other = ReviewSample.draw("t2", YearMonth.of(2026, 11), p, visits).agents().get(0).visitIds();
        assertThat(nov).hasSize(5).isNotEqualTo(dec).isNotEqualTo(other);
    }
}
