package com.huifang.survey.template.domain;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * "Show this question only if {@code questionId} was answered with one of {@code anyOf}."
 *
 * <p>Values are canonical strings: option ids for choice questions (a multiple-choice answer matches when any
 * chosen option is listed), {@code "1"}–{@code "5"} / {@code "0"}–{@code "10"} for ratings and NPS,
 * {@code "yes"}/{@code "no"} for yes/no questions. Free-text answers cannot drive a branch.
 */
public record Condition(String questionId, Set<String> anyOf) {
    public Condition {
        Objects.requireNonNull(questionId, "condition questionId");
        anyOf = Set.copyOf(Objects.requireNonNull(anyOf, "condition anyOf"));
    }

    public static Condition answered(String questionId, String... anyOf) {
        return new Condition(questionId, Set.of(anyOf));
    }

    /** Whether an answer with these canonical values satisfies the condition. */
    public boolean matchedBy(Collection<String> answerValues) {
        return answerValues.stream().anyMatch(anyOf::contains);
    }
}
