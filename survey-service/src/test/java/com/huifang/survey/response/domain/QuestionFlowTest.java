package com.huifang.survey.response.domain;

import static com.huifang.survey.response.domain.Answer.number;
import static com.huifang.survey.response.domain.Answer.option;
import static com.huifang.survey.response.domain.Answer.yesNo;
import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.survey.SurveyTemplates;
import com.huifang.survey.template.domain.AnswerOption;
import com.huifang.survey.template.domain.Question;
import com.huifang.survey.template.domain.SurveyTemplate;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionFlowTest {

    private final QuestionFlow flow = new QuestionFlow(SurveyTemplates.everyType());

    @Test
    void withoutAnswersOnlyUnconditionalQuestionsAreShown() {
        assertThat(flow.remaining(List.of())).extracting(Question::id)
                .containsExactly("overall", "nurses", "topics", "recommend", "symptom");
        assertThat(flow.next(List.of())).map(Question::id).contains("overall");
    }

    @Test
    void lowRatingShowsTheWhyQuestionRightAfterIt() {
        assertThat(flow.remaining(List.of(number("overall", 2)))).extracting(Question::id)
                .containsExactly("why", "nurses", "topics", "recommend", "symptom");
    }

    @Test
    void ratingOfFourDoesNotShowTheWhyQuestion() {
        assertThat(flow.next(List.of(number("overall", 4)))).map(Question::id).contains("nurses");
    }

    @Test
    void answeringEverythingShownCompletesTheSurvey() {
        List<Answer> answers = List.of(number("overall", 5), option("nurses", "ok"), number("recommend", 8),
                yesNo("symptom", false));
        assertThat(flow.complete(answers)).isTrue(); // "topics" is optional
        assertThat(flow.next(answers)).map(Question::id).contains("topics");
    }

    @Test
    void chainedBranchesFollowEachOther() {
        SurveyTemplate t = SurveyTemplates.phone("chain",
                Question.singleChoice("pain", "伤口是否疼痛?", AnswerOption.of("none", "不痛"), AnswerOption.of("some", "有点痛"),
                        AnswerOption.problem("severe", "很痛")),
                Question.yesNo("fever", "是否发烧?").showIf("pain", "some", "severe"),
                Question.yesNo("doctor", "是否需要医生回电?").showIf("fever", "yes"),
                Question.rating("overall", "总体满意度?"));
        QuestionFlow chain = new QuestionFlow(t);

        assertThat(chain.remaining(List.of(option("pain", "none")))).extracting(Question::id).containsExactly("overall");
        assertThat(chain.remaining(List.of(option("pain", "severe"), yesNo("fever", true))))
                .extracting(Question::id).containsExactly("doctor", "overall");
        assertThat(chain.shown(List.of(option("pain", "none"), yesNo("fever", true))))
                .extracting(Question::id).containsExactly("pain", "overall");
    }
}
