package com.huifang.survey.template.domain;

import java.util.Objects;

/**
 * One option of a choice question.
 *
 * @param id      stable id, referenced by branch conditions and stored in answers (the label may be reworded)
 * @param label   what the agent reads or the customer sees, e.g. "不满意"
 * @param problem choosing this option is a "problem" answer that raises an issue
 */
public record AnswerOption(String id, String label, boolean problem) {
    public AnswerOption {
        Objects.requireNonNull(id, "option id");
        Objects.requireNonNull(label, "option label");
    }

    public static AnswerOption of(String id, String label) {
        return new AnswerOption(id, label, false);
    }

    public static AnswerOption problem(String id, String label) {
        return new AnswerOption(id, label, true);
    }
}
