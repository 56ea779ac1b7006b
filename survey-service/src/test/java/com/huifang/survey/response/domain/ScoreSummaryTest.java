package com.huifang.survey.response.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreSummaryTest {

    private static Scores scores(Double rating, Boolean satisfied, Integer nps, boolean issue) {
        return new Scores(rating, satisfied, nps, nps == null ? null : NpsClass.of(nps), List.of(), false, null,
                List.of(), issue, issue);
    }

    @Test
    void npsIsPercentPromotersMinusPercentDetractors() {
        ScoreSummary s = ScoreSummary.of(List.of(scores(5.0, true, 10, false), scores(4.0, true, 9, false),
                scores(3.0, false, 7, false), scores(1.0, false, 3, true)));
        assertThat(s.promoters()).isEqualTo(2);
        assertThat(s.passives()).isEqualTo(1);
        assertThat(s.detractors()).isEqualTo(1);
        assertThat(s.nps()).isCloseTo(25.0, within(1e-9));
        assertThat(s.csatShare()).isCloseTo(0.5, within(1e-9));
        assertThat(s.meanRating()).isCloseTo(3.25, within(1e-9));
        assertThat(s.raisingIssue()).isEqualTo(1);
    }

    @Test
    void responsesWithoutRatingOrNpsAreLeftOutOfThoseFigures() {
        ScoreSummary s = ScoreSummary.of(List.of(scores(null, null, null, false), scores(5.0, true, null, false)));
        assertThat(s.responses()).isEqualTo(2);
        assertThat(s.csatCounted()).isEqualTo(1);
        assertThat(s.csatShare()).isEqualTo(1.0);
        assertThat(s.nps()).isNull();
    }

    @Test
    void emptySummaryHasNoFigures() {
        ScoreSummary s = ScoreSummary.of(List.of());
        assertThat(s.csatShare()).isNull();
        assertThat(s.meanRating()).isNull();
        assertThat(s.nps()).isNull();
    }
}
