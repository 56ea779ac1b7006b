package com.huifang.survey.template.domain;

import static com.huifang.survey.SurveyTemplates.phone;
import static com.huifang.survey.SurveyTemplates.template;
import static com.huifang.survey.template.domain.AnswerOption.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huifang.survey.SurveyTemplates;
import com.huifang.survey.template.domain.TemplateProblem.Code;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateValidatorTest {

    private final TemplateValidator validator = new TemplateValidator();

    private static Question yesNo(String id) {
        return Question.yesNo(id, "问题 " + id + "?");
    }

    @Test
    void templateWithEveryQuestionTypeAndABranchIsValid() {
        TemplateValidation v = validator.validate(SurveyTemplates.everyType());
        assertThat(v.errors()).isEmpty();
        assertThat(v.warnings()).isEmpty();
    }

    @Test
    void twoQuestionCycleIsRejectedWithItsPath() {
        SurveyTemplate t = phone("cycle", yesNo("start"), yesNo("a").showIf("b", "yes"), yesNo("b").showIf("a", "yes"));

        TemplateValidation v = validator.validate(t);

        assertThat(v.valid()).isFalse();
        assertThat(v.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(Code.CYCLIC_BRANCH);
            assertThat(e.questionId()).isEqualTo("a");
            assertThat(e.path()).containsExactly("a", "b", "a");
            assertThat(e.message()).contains("a → b → a");
        });
    }

    @Test
    void longerCycleIsReportedOnceStartingAtItsFirstQuestion() {
        SurveyTemplate t = phone("cycle3", yesNo("x").showIf("z", "no"), yesNo("y").showIf("x", "no"),
                yesNo("z").showIf("y", "no"));

        assertThat(validator.validate(t).errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(Code.CYCLIC_BRANCH);
            assertThat(e.path()).containsExactly("x", "z", "y", "x");
        });
    }

    @Test
    void questionDependingOnItselfIsACycle() {
        SurveyTemplate t = phone("self", yesNo("a").showIf("a", "yes"));
        assertThat(validator.validate(t).errors()).extracting(TemplateProblem::code).containsExactly(Code.CYCLIC_BRANCH);
    }

    @Test
    void questionNeedingContradictoryAnswersIsUnreachable() {
        SurveyTemplate t = phone("contradiction", yesNo("satisfied"),
                Question.freeText("why", "哪里不满意?").showIf("satisfied", "no"),
                yesNo("praise").showIf("satisfied", "no").showIf("satisfied", "yes"));

        assertThat(validator.validate(t).errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(Code.UNREACHABLE_QUESTION);
            assertThat(e.questionId()).isEqualTo("praise");
            assertThat(e.path()).containsExactly("praise", "satisfied");
        });
    }

    @Test
    void contradictionInheritedThroughTheChainIsUnreachableWithThePath() {
        // detail follows "problem", which is shown only when ok = no; detail itself needs ok = yes
        SurveyTemplate t = phone("chain", yesNo("ok"), yesNo("problem").showIf("ok", "no"),
                yesNo("detail").showIf("problem", "yes").showIf("ok", "yes"));

        assertThat(validator.validate(t).errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(Code.UNREACHABLE_QUESTION);
            assertThat(e.questionId()).isEqualTo("detail");
            assertThat(e.message()).contains("detail → problem → ok").contains("[no]").contains("[yes]");
        });
    }

    @Test
    void questionFollowingAnUnreachableQuestionIsUnreachableToo() {
        SurveyTemplate t = phone("follow", yesNo("ok"), yesNo("never").showIf("ok", "yes").showIf("ok", "no"),
                yesNo("after").showIf("never", "yes"));

        assertThat(validator.validate(t).errors())
                .extracting(TemplateProblem::questionId, TemplateProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("never", Code.UNREACHABLE_QUESTION),
                        org.assertj.core.groups.Tuple.tuple("after", Code.UNREACHABLE_QUESTION));
    }

    @Test
    void conditionsOnAMultipleChoiceNeverContradict() {
        Question topics = Question.multipleChoice("topics", "关心的方面?", of("a", "A"), of("b", "B"));
        SurveyTemplate t = phone("multi", topics, yesNo("both").showIf("topics", "a").showIf("topics", "b"));
        assertThat(validator.validate(t).valid()).isTrue();
    }

    @Test
    void overlappingRatingConditionsAreReachable() {
        SurveyTemplate t = phone("overlap", Question.rating("r", "评分?"),
                yesNo("low").showIf("r", "1", "2", "3").showIf("r", "3", "4"));
        assertThat(validator.validate(t).valid()).isTrue();
    }

    @Test
    void conditionWithNoValuesIsUnreachable() {
        SurveyTemplate t = phone("empty", yesNo("a"), yesNo("b").showIf("a"));
        assertThat(validator.validate(t).errors()).extracting(TemplateProblem::code)
                .containsExactly(Code.UNREACHABLE_QUESTION);
    }

    @Test
    void duplicateQuestionIdIsRejected() {
        SurveyTemplate t = phone("dup", yesNo("a"), yesNo("a"));
        assertThat(validator.validate(t).errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(Code.DUPLICATE_QUESTION_ID);
            assertThat(e.questionId()).isEqualTo("a");
        });
    }

    @Test
    void duplicateOptionIdIsRejected() {
        SurveyTemplate t = phone("dupopt", Question.singleChoice("q", "满意吗?", of("x", "满意"), of("x", "不满意")));
        assertThat(validator.validate(t).errors()).extracting(TemplateProblem::code)
                .containsExactly(Code.DUPLICATE_OPTION_ID);
    }

    @Test
    void branchToUnknownQuestionIsRejected() {
        SurveyTemplate t = phone("unknownq", yesNo("a").showIf("ghost", "yes"));
        assertThat(validator.validate(t).errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(Code.UNKNOWN_BRANCH_QUESTION);
            assertThat(e.questionId()).isEqualTo("a");
            assertThat(e.path()).containsExactly("a", "ghost");
        });
    }

    @Test
    void branchToUnknownOptionIsRejected() {
        SurveyTemplate t = phone("unknownopt",
                Question.singleChoice("q", "满意吗?", of("yes", "满意"), of("no", "不满意")),
                Question.freeText("why", "为什么?").showIf("q", "maybe"));
        assertThat(validator.validate(t).errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(Code.UNKNOWN_BRANCH_VALUE);
            assertThat(e.message()).contains("maybe");
        });
    }

    @Test
    void branchOnRatingOutsideOneToFiveIsRejected() {
        SurveyTemplate t = phone("badrating", Question.rating("r", "评分?"), yesNo("b").showIf("r", "0"));
        assertThat(validator.validate(t).errors()).extracting(TemplateProblem::code)
                .containsExactly(Code.UNKNOWN_BRANCH_VALUE);
    }

    @Test
    void branchOnFreeTextIsRejected() {
        SurveyTemplate t = phone("text", Question.freeText("t", "意见?"), yesNo("b").showIf("t", "差"));
        assertThat(validator.validate(t).errors()).extracting(TemplateProblem::code)
                .containsExactly(Code.BRANCH_ON_FREE_TEXT);
    }

    @Test
    void phoneSurveyWithSixQuestionsIsWarnedNotRejected() {
        SurveyTemplate t = phone("long", yesNo("a"), yesNo("b"), yesNo("c"), yesNo("d"), yesNo("e"), yesNo("f"));

        TemplateValidation v = validator.validate(t);

        assertThat(v.valid()).isTrue();
        assertThat(v.warnings()).extracting(TemplateProblem::code).containsExactly(Code.LONG_PHONE_SURVEY);
    }

    @Test
    void phoneSurveyWithFiveQuestionsHasNoWarning() {
        SurveyTemplate t = phone("five", yesNo("a"), yesNo("b"), yesNo("c"), yesNo("d"), yesNo("e"));
        assertThat(validator.validate(t).warnings()).isEmpty();
    }

    @Test
    void linkSurveyWithSixQuestionsHasNoWarning() {
        SurveyTemplate t = template("longlink", 1, Set.of(SurveyChannel.LINK),
                yesNo("a"), yesNo("b"), yesNo("c"), yesNo("d"), yesNo("e"), yesNo("f"));
        assertThat(validator.validate(t).warnings()).isEmpty();
    }

    @Test
    void unknownPlaceholderInTheScriptIsRejected() {
        SurveyTemplate base = phone("ph", yesNo("a"));
        SurveyTemplate t = new SurveyTemplate(base.tenantId(), base.templateId(), 1, base.name(), base.channels(),
                new Script("您好{customerNmae}", "", "", "", List.of()), base.questions(), null);
        assertThat(validator.validate(t).errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(Code.UNKNOWN_PLACEHOLDER);
            assertThat(e.message()).contains("{customerNmae}");
        });
    }

    @Test
    void problemMarksMustFitTheQuestionType() {
        SurveyTemplate t = phone("marks", Question.rating("r", "评分?").problemAtMost(5),
                Question.singleChoice("c", "满意吗?", of("a", "满意"), of("b", "不满意")).problemWhen(true));
        assertThat(validator.validate(t).errors()).extracting(TemplateProblem::code, TemplateProblem::questionId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Code.INVALID_PROBLEM_MARK, "r"),
                        org.assertj.core.groups.Tuple.tuple(Code.INVALID_PROBLEM_MARK, "c"));
    }

    @Test
    void csatQuestionMustBeARating() {
        SurveyTemplate base = phone("csat", yesNo("a"));
        SurveyTemplate t = new SurveyTemplate(base.tenantId(), base.templateId(), 1, base.name(), base.channels(),
                base.script(), base.questions(), "a");
        assertThat(validator.validate(t).errors()).extracting(TemplateProblem::code)
                .containsExactly(Code.INVALID_CSAT_QUESTION);
    }

    @Test
    void singleChoiceNeedsTwoOptions() {
        SurveyTemplate t = phone("one", Question.singleChoice("c", "满意吗?", of("a", "满意")));
        assertThat(validator.validate(t).errors()).extracting(TemplateProblem::code)
                .containsExactly(Code.MISSING_OPTIONS);
    }

    @Test
    void invalidTemplateThrowsWithItsErrorsOnSave() {
        TemplateValidation v = validator.validate(phone("dup", yesNo("a"), yesNo("a")));
        assertThatThrownBy(v::orThrow).isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("'a' is used twice");
    }

    @Test
    void askingOrderPutsABranchAfterTheQuestionItDependsOn() {
        SurveyTemplate t = phone("forward", yesNo("follow").showIf("main", "no"), yesNo("main"), yesNo("last"));
        assertThat(validator.validate(t).valid()).isTrue();
        assertThat(t.askingOrder()).extracting(Question::id).containsExactly("main", "follow", "last");
    }
}
