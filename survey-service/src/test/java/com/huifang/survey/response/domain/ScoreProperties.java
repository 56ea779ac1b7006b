package com.huifang.survey.response.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ScoreProperties {

    @Property
    void npsClassFollowsTheScore(@ForAll @IntRange(min = 0, max = 10) int score) {
        NpsClass expected = score >= 9 ? NpsClass.PROMOTER : score >= 7 ? NpsClass.PASSIVE : NpsClass.DETRACTOR;
        assertThat(NpsClass.of(score)).isEqualTo(expected);
    }

    @Property
    void npsStaysWithinMinusAndPlusHundred(@ForAll @Size(min = 1, max = 50) List<@IntRange(min = 0, max = 10) Integer> answers) {
        List<Scores> scores = answers.stream()
                .map(n -> new Scores(null, null, n, NpsClass.of(n), List.of(), false, null, List.of(), false, false))
                .toList();
        ScoreSummary s = ScoreSummary.of(scores);
        assertThat(s.nps()).isBetween(-100.0, 100.0);
        assertThat(s.promoters() + s.passives() + s.detractors()).isEqualTo(answers.size());
    }
}
