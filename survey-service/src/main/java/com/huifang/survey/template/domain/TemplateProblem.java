package com.huifang.survey.template.domain;

import java.util.List;

/**
 * Something wrong (or worth a warning) in a template.
 *
 * @param questionId the question concerned; null for the template as a whole
 * @param path       the branch path that shows the problem, e.g. {@code [a, b, a]} for a cycle; empty when none
 */
public record TemplateProblem(Code code, String questionId, List<String> path, String message) {

    public TemplateProblem {
        path = path == null ? List.of() : List.copyOf(path);
    }

    public enum Code {
        NO_QUESTIONS,
        BLANK_ID,
        BLANK_TEXT,
        DUPLICATE_QUESTION_ID,
        DUPLICATE_OPTION_ID,
        MISSING_OPTIONS,
        OPTIONS_ON_NON_CHOICE,
        INVALID_PROBLEM_MARK,
        UNKNOWN_BRANCH_QUESTION,
        UNKNOWN_BRANCH_VALUE,
        BRANCH_ON_FREE_TEXT,
        CYCLIC_BRANCH,
        UNREACHABLE_QUESTION,
        INVALID_CSAT_QUESTION,
        UNKNOWN_PLACEHOLDER,
        NO_CHANNEL,
        // warnings
        LONG_PHONE_SURVEY,
        SEVERAL_NPS_QUESTIONS
    }
}
