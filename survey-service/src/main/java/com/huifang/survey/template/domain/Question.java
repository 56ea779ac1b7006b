package com.huifang.survey.template.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One question of a survey template.
 *
 * @param id            stable id within the template (answers and branches refer to it)
 * @param type          what kind of answer it takes
 * @param text          what the agent asks or the customer reads
 * @param required      a shown question must be answered
 * @param options       the options of a choice question; empty for other types
 * @param problemAtMost rating/NPS only: an answer at or below this value is a "problem" answer (e.g. 2); null = none
 * @param problemWhen   yes/no only: this answer is a "problem" answer (e.g. true for "any worrying symptom?"); null = none
 * @param showIf        all must hold for the question to be shown; empty = always shown
 */
public record Question(
        String id,
        QuestionType type,
        String text,
        boolean required,
        List<AnswerOption> options,
        Integer problemAtMost,
        Boolean problemWhen,
        List<Condition> showIf) {

    public Question {
        Objects.requireNonNull(id, "question id");
        Objects.requireNonNull(type, "question type");
        Objects.requireNonNull(text, "question text");
        options = options == null ? List.of() : List.copyOf(options);
        showIf = showIf == null ? List.of() : List.copyOf(showIf);
    }

    public boolean conditional() {
        return !showIf.isEmpty();
    }

    /** The canonical values a branch condition on this question may name. */
    public Set<String> branchValues() {
        if (type.isChoice()) {
            return options.stream().map(AnswerOption::id).collect(Collectors.toCollection(LinkedHashSet::new));
        }
        return type.fixedBranchValues();
    }

    public boolean hasOption(String optionId) {
        return options.stream().anyMatch(o -> o.id().equals(optionId));
    }

    public boolean isProblemOption(String optionId) {
        return options.stream().anyMatch(o -> o.id().equals(optionId) && o.problem());
    }

    public boolean isProblemNumber(int value) {
        return problemAtMost != null && value <= problemAtMost;
    }

    public boolean isProblemYesNo(boolean value) {
        return problemWhen != null && problemWhen == value;
    }

    // --- small builders for code and tests; templates from files go through the pack reader ---

    public static Question singleChoice(String id, String text, AnswerOption... options) {
        return new Question(id, QuestionType.SINGLE_CHOICE, text, true, List.of(options), null, null, List.of());
    }

    public static Question multipleChoice(String id, String text, AnswerOption... options) {
        return new Question(id, QuestionType.MULTIPLE_CHOICE, text, true, List.of(options), null, null, List.of());
    }

    public static Question rating(String id, String text) {
        return new Question(id, QuestionType.RATING_1_5, text, true, List.of(), 2, null, List.of());
    }

    public static Question nps(String id, String text) {
        return new Question(id, QuestionType.NPS_0_10, text, true, List.of(), null, null, List.of());
    }

    public static Question yesNo(String id, String text) {
        return new Question(id, QuestionType.YES_NO, text, true, List.of(), null, null, List.of());
    }

    public static Question freeText(String id, String text) {
        return new Question(id, QuestionType.FREE_TEXT, text, false, List.of(), null, null, List.of());
    }

    public Question optional() {
        return new Question(id, type, text, false, options, problemAtMost, problemWhen, showIf);
    }

    public Question problemAtMost(Integer value) {
        return new Question(id, type, text, required, options, value, problemWhen, showIf);
    }

    public Question problemWhen(Boolean value) {
        return new Question(id, type, text, required, options, problemAtMost, value, showIf);
    }

    /** Adds a condition: shown only if {@code questionId} was answered with one of {@code anyOf}. */
    public Question showIf(String questionId, String... anyOf) {
        var conditions = new ArrayList<>(showIf);
        conditions.add(Condition.answered(questionId, anyOf));
        return new Question(id, type, text, required, options, problemAtMost, problemWhen, conditions);
    }
}
