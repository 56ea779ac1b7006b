package com.huifang.survey.response.domain;

import static com.huifang.survey.response.domain.Answer.number;
import static com.huifang.survey.response.domain.Answer.option;
import static com.huifang.survey.response.domain.Answer.options;
import static com.huifang.survey.response.domain.Answer.text;
import static com.huifang.survey.response.domain.Answer.yesNo;
import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.survey.SurveyTemplates;
import com.huifang.survey.template.domain.Question;
import com.huifang.survey.template.domain.SurveyTemplate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoresTest {

    private final SurveyTemplate template = SurveyTemplates.everyType();

    private Scores score(int overall, int recommend, String nurses, boolean symptom, AgentFlag flag, Answer... more) {
        List<Answer> answers = new ArrayList<>(List.of(number("overall", overall), option("nurses", nurses),
                options("topics", "diet"), number("recommend", recommend), yesNo("symptom", symptom)));
        answers.addAll(List.of(more));
        return Scores.of(template, SurveyResponse.byAgent(template.ref(), answers, flag));
    }

    @Test
    void ratingOfFourIsSatisfiedAndThreeIsNot() {
        assertThat(score(4, 9, "satisfied", false, null).satisfied()).isTrue();
        assertThat(score(3, 9, "satisfied", false, null, text("why", "一般")).satisfied()).isFalse();
    }

    @Test
    void ratingOfThreeIsNotLowAndRaisesNoIssue() {
        Scores s = score(3, 9, "satisfied", false, null, text("why", "一般"));
        assertThat(s.lowScore()).isFalse();
        assertThat(s.raisesIssue()).isFalse();
    }

    @Test
    void ratingOfTwoIsLowAndRaisesAnIssue() {
        Scores s = score(2, 9, "satisfied", false, null, text("why", "医生说明不清楚"));
        assertThat(s.lowScore()).isTrue();
        assertThat(s.problemQuestionIds()).containsExactly("overall"); // rating() marks ≤ 2 as a problem
        assertThat(s.raisesIssue()).isTrue();
        assertThat(s.comments()).containsExactly("医生说明不清楚");
    }

    @Test
    void npsClassesAtTheirEdges() {
        assertThat(score(5, 6, "satisfied", false, null).npsClass()).isEqualTo(NpsClass.DETRACTOR);
        assertThat(score(5, 7, "satisfied", false, null).npsClass()).isEqualTo(NpsClass.PASSIVE);
        assertThat(score(5, 8, "satisfied", false, null).npsClass()).isEqualTo(NpsClass.PASSIVE);
        assertThat(score(5, 9, "satisfied", false, null).npsClass()).isEqualTo(NpsClass.PROMOTER);
    }

    @Test
    void npsDetractorOfSixRaisesAnIssueAndSevenDoesNot() {
        assertThat(score(5, 6, "satisfied", false, null).raisesIssue()).isTrue();
        assertThat(score(5, 7, "satisfied", false, null).raisesIssue()).isFalse();
    }

    @Test
    void problemOptionRaisesAnIssueDespiteHighScores() {
        Scores s = score(5, 10, "dissatisfied", false, null);
        assertThat(s.problemQuestionIds()).containsExactly("nurses");
        assertThat(s.lowScore()).isFalse();
        assertThat(s.raisesIssue()).isTrue();
    }

    @Test
    void worryingSymptomAnsweredYesIsAProblem() {
        assertThat(score(5, 10, "satisfied", true, null).problemQuestionIds()).containsExactly("symptom");
    }

    @Test
    void agentFlagRaisesAnIssueAndCarriesItsNote() {
        Scores s = score(5, 10, "satisfied", false, new AgentFlag("术后伤口红肿,需主治医生回电"));
        assertThat(s.flagged()).isTrue();
        assertThat(s.flagNote()).isEqualTo("术后伤口红肿,需主治医生回电");
        assertThat(s.raisesIssue()).isTrue();
    }

    @Test
    void happyResponseRaisesNothing() {
        Scores s = score(5, 10, "satisfied", false, null);
        assertThat(s.meanRating()).isEqualTo(5.0);
        assertThat(s.nps()).isEqualTo(10);
        assertThat(s.problemQuestionIds()).isEmpty();
        assertThat(s.raisesIssue()).isFalse();
    }

    @Test
    void withoutACsatQuestionTheMeanRatingDecides() {
        SurveyTemplate two = SurveyTemplates.phone("two", Question.rating("doctors", "医生?"), Question.rating("nurses", "护士?"));
        Scores s = Scores.of(two, SurveyResponse.byAgent(two.ref(), List.of(number("doctors", 5), number("nurses", 3)), null));
        assertThat(s.meanRating()).isEqualTo(4.0);
        assertThat(s.satisfied()).isTrue();
    }

    @Test
    void theCsatQuestionDecidesWhenTheTemplateNamesOne() {
        SurveyTemplate base = SurveyTemplates.phone("csat", Question.rating("overall", "总体?"), Question.rating("food", "饮食?"));
        SurveyTemplate t = new SurveyTemplate(base.tenantId(), base.templateId(), 1, base.name(), base.channels(),
                base.script(), base.questions(), "overall");
        Scores s = Scores.of(t, SurveyResponse.byAgent(t.ref(), List.of(number("overall", 3), number("food", 5)), null));
        assertThat(s.meanRating()).isEqualTo(4.0);
        assertThat(s.satisfied()).isFalse();
    }

    @Test
    void noRatingMeansNoCsatClass() {
        SurveyTemplate t = SurveyTemplates.phone("yn", Question.yesNo("signed", "是否本人亲笔签名?").problemWhen(false));
        Scores s = Scores.of(t, SurveyResponse.byAgent(t.ref(), List.of(yesNo("signed", false)), null));
        assertThat(s.satisfied()).isNull();
        assertThat(s.meanRating()).isNull();
        assertThat(s.npsClass()).isNull();
        assertThat(s.raisesIssue()).isTrue();
    }

    @Test
    void aTenantMayRaiseIssuesFromThreeDown() {
        Scores s = Scores.of(template, SurveyResponse.byAgent(template.ref(), List.of(number("overall", 3),
                text("why", "一般"), option("nurses", "ok"), number("recommend", 9), yesNo("symptom", false)), null),
                new LowScoreRule(3, 6));
        assertThat(s.raisesIssue()).isTrue();
    }
}
