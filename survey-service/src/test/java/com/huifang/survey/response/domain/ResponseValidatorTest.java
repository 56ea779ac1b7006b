package com.huifang.survey.response.domain;

import static com.huifang.survey.response.domain.Answer.number;
import static com.huifang.survey.response.domain.Answer.option;
import static com.huifang.survey.response.domain.Answer.options;
import static com.huifang.survey.response.domain.Answer.text;
import static com.huifang.survey.response.domain.Answer.yesNo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.huifang.survey.SurveyTemplates;
import com.huifang.survey.response.domain.AnswerError.Code;
import com.huifang.survey.template.domain.Question;
import com.huifang.survey.template.domain.SurveyTemplate;
import com.huifang.survey.template.domain.TemplateValidator;
import com.huifang.survey.template.domain.TemplateVersions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseValidatorTest {

    private final ResponseValidator validator = new ResponseValidator();
    private final SurveyTemplate template = SurveyTemplates.everyType();

    private List<Answer> happyAnswers() {
        return new ArrayList<>(List.of(number("overall", 5), option("nurses", "satisfied"),
                options("topics", "diet", "exercise"), number("recommend", 9), yesNo("symptom", false)));
    }

    private List<AnswerError> validate(List<Answer> answers) {
        return validator.validate(template, SurveyResponse.byCustomer(template.ref(), answers));
    }

    @Test
    void answersOfEveryTypeWithinRangeAreValid() {
        assertThat(validate(happyAnswers())).isEmpty();
    }

    @Test
    void optionalQuestionMayBeLeftOut() {
        List<Answer> answers = happyAnswers();
        answers.removeIf(a -> a.questionId().equals("topics"));
        assertThat(validate(answers)).isEmpty();
    }

    @Test
    void unknownQuestionIsRejectedWithItsId() {
        List<Answer> answers = happyAnswers();
        answers.add(yesNo("ghost", true));
        assertThat(validate(answers)).extracting(AnswerError::questionId, AnswerError::code)
                .containsExactly(tuple("ghost", Code.UNKNOWN_QUESTION));
    }

    @Test
    void answerOfTheWrongKindIsRejectedForEveryType() {
        List<Answer> wrong = List.of(text("overall", "5"), number("nurses", 1), option("topics", "diet"),
                yesNo("recommend", true), number("symptom", 0), option("why", "x"));
        for (Answer answer : wrong) {
            List<Answer> answers = happyAnswers();
            answers.removeIf(a -> a.questionId().equals(answer.questionId()));
            answers.add(answer);
            if (answer.questionId().equals("why")) {
                answers.set(0, number("overall", 2));
            }
            assertThat(validate(answers)).as(answer.toString())
                    .extracting(AnswerError::questionId, AnswerError::code)
                    .contains(tuple(answer.questionId(), Code.WRONG_TYPE));
        }
    }

    @Test
    void ratingOutsideOneToFiveIsOutOfRange() {
        for (int value : new int[] {0, 6, -1}) {
            List<Answer> answers = happyAnswers();
            answers.set(0, number("overall", value));
            assertThat(validate(answers)).extracting(AnswerError::questionId, AnswerError::code)
                    .contains(tuple("overall", Code.OUT_OF_RANGE));
        }
    }

    @Test
    void npsOfZeroAndTenAreInRangeButElevenIsNot() {
        List<Answer> answers = happyAnswers();
        answers.set(3, number("recommend", 0));
        assertThat(validate(answers)).isEmpty();
        answers.set(3, number("recommend", 10));
        assertThat(validate(answers)).isEmpty();
        answers.set(3, number("recommend", 11));
        assertThat(validate(answers)).extracting(AnswerError::questionId, AnswerError::code)
                .containsExactly(tuple("recommend", Code.OUT_OF_RANGE));
    }

    @Test
    void unknownOptionIsRejected() {
        List<Answer> answers = happyAnswers();
        answers.set(1, option("nurses", "so-so"));
        answers.set(2, options("topics", "diet", "yoga"));
        assertThat(validate(answers)).extracting(AnswerError::questionId, AnswerError::code)
                .containsExactly(tuple("nurses", Code.UNKNOWN_OPTION), tuple("topics", Code.UNKNOWN_OPTION));
    }

    @Test
    void emptyMultipleChoiceAndBlankTextAreEmptyAnswers() {
        List<Answer> answers = happyAnswers();
        answers.set(0, number("overall", 3));
        answers.set(2, options("topics"));
        answers.add(text("why", "   "));
        assertThat(validate(answers)).extracting(AnswerError::questionId, AnswerError::code)
                .containsExactly(tuple("topics", Code.EMPTY_ANSWER), tuple("why", Code.EMPTY_ANSWER));
    }

    @Test
    void followUpAnsweredWhenItsBranchWasNotTakenIsRejected() {
        List<Answer> answers = happyAnswers(); // overall = 5: "why" is asked only after 1–3
        answers.add(text("why", "护士态度不好"));
        assertThat(validate(answers)).extracting(AnswerError::questionId, AnswerError::code)
                .containsExactly(tuple("why", Code.BRANCH_NOT_TAKEN));
    }

    @Test
    void followUpAnsweredWhenItsBranchWasTakenIsAccepted() {
        List<Answer> answers = happyAnswers();
        answers.set(0, number("overall", 3));
        answers.add(text("why", "等候时间太长"));
        assertThat(validate(answers)).isEmpty();
    }

    @Test
    void requiredQuestionLeftOutIsMissing() {
        List<Answer> answers = happyAnswers();
        answers.removeIf(a -> a.questionId().equals("symptom"));
        assertThat(validate(answers)).extracting(AnswerError::questionId, AnswerError::code)
                .containsExactly(tuple("symptom", Code.REQUIRED_MISSING));
    }

    @Test
    void requiredFollowUpIsMissingOnlyWhenItsBranchIsTaken() {
        SurveyTemplate t = SurveyTemplates.phone("req", Question.yesNo("ok", "满意吗?"),
                Question.freeText("why", "哪里不满意?").showIf("ok", "no").problemAtMost(null));
        SurveyTemplate required = new SurveyTemplate(t.tenantId(), t.templateId(), 1, t.name(), t.channels(),
                t.script(), List.of(t.questions().get(0), new Question("why", t.questions().get(1).type(), "哪里不满意?",
                        true, List.of(), null, null, t.questions().get(1).showIf())), null);
        assertThat(validator.validate(required, SurveyResponse.byAgent(required.ref(), List.of(yesNo("ok", true)), null)))
                .isEmpty();
        assertThat(validator.validate(required, SurveyResponse.byAgent(required.ref(), List.of(yesNo("ok", false)), null)))
                .extracting(AnswerError::questionId, AnswerError::code)
                .containsExactly(tuple("why", Code.REQUIRED_MISSING));
    }

    @Test
    void questionAnsweredTwiceIsRejected() {
        List<Answer> answers = happyAnswers();
        answers.add(number("overall", 4));
        assertThat(validate(answers)).extracting(AnswerError::questionId, AnswerError::code)
                .containsExactly(tuple("overall", Code.DUPLICATE_ANSWER));
    }

    @Test
    void answerToVersionOneIsValidatedAgainstVersionOneEvenWhenVersionTwoExists() {
        TemplateValidator templates = new TemplateValidator();
        SurveyTemplate v1Draft = SurveyTemplates.phone("pinned", Question.yesNo("ok", "满意吗?"));
        var v1 = TemplateVersions.none(v1Draft.tenantId(), "pinned").revise(v1Draft, templates);
        SurveyTemplate v2Draft = SurveyTemplates.phone("pinned", Question.rating("score", "请打分"));
        var v2 = v1.versions().revise(v2Draft, templates);
        SurveyResponse answeredV1 = SurveyResponse.byAgent(v1.saved().ref(), List.of(yesNo("ok", true)), null);

        SurveyTemplate pinned = v2.versions().get(answeredV1.template()).orElseThrow();

        assertThat(pinned.version()).isEqualTo(1);
        assertThat(validator.validate(pinned, answeredV1)).isEmpty();
        assertThat(validator.validate(v2.versions().latest().orElseThrow(), answeredV1))
                .extracting(AnswerError::code).containsExactly(Code.TEMPLATE_VERSION_MISMATCH);
    }

    @Test
    void agentFlagNeedsANote() {
        SurveyResponse response = SurveyResponse.byAgent(template.ref(), happyAnswers(), new AgentFlag(" "));
        assertThat(validator.validate(template, response)).extracting(AnswerError::code)
                .containsExactly(Code.INVALID_FLAG);
    }

    @Test
    void customerCannotFlagTheirOwnResponse() {
        SurveyResponse response = new SurveyResponse(template.ref(), ResponseSource.CUSTOMER_LINK, happyAnswers(),
                new AgentFlag("术后伤口红肿"));
        assertThat(validator.validate(template, response)).extracting(AnswerError::code)
                .containsExactly(Code.INVALID_FLAG);
    }

    @Test
    void tooLongTextIsRejected() {
        List<Answer> answers = happyAnswers();
        answers.set(0, number("overall", 1));
        answers.add(text("why", "差".repeat(ResponseValidator.MAX_TEXT_LENGTH + 1)));
        assertThat(validate(answers)).extracting(AnswerError::questionId, AnswerError::code)
                .containsExactly(tuple("why", Code.TOO_LONG));
    }
}
