package com.huifang.survey.template.domain;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.IntStream;

/** The kinds of question a survey can ask, with the answer values each one admits. */
public enum QuestionType {
    SINGLE_CHOICE,
    MULTIPLE_CHOICE,
    /** 1 (very dissatisfied) to 5 (very satisfied); 4 and 5 count as satisfied (CSAT). */
    RATING_1_5,
    /** 0 to 10, "how likely are you to recommend us"; promoters 9–10, detractors 0–6. */
    NPS_0_10,
    YES_NO,
    FREE_TEXT;

    /** Canonical branch value of a yes/no answer. */
    public static final String YES = "yes";
    public static final String NO = "no";

    public boolean isChoice() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }

    public boolean isNumeric() {
        return this == RATING_1_5 || this == NPS_0_10;
    }

    /** Smallest admitted number of a numeric type. */
    public int min() {
        return switch (this) {
            case RATING_1_5 -> 1;
            case NPS_0_10 -> 0;
            default -> throw new IllegalStateException(this + " is not numeric");
        };
    }

    /** Largest admitted number of a numeric type. */
    public int max() {
        return switch (this) {
            case RATING_1_5 -> 5;
            case NPS_0_10 -> 10;
            default -> throw new IllegalStateException(this + " is not numeric");
        };
    }

    /**
     * Whether one answer holds exactly one value, so two branch conditions on the same question with disjoint
     * values can never both hold.
     */
    public boolean singleValued() {
        return this != MULTIPLE_CHOICE && this != FREE_TEXT;
    }

    /** The branch values of the fixed-value types (numbers as decimal strings, yes/no); empty for the others. */
    Set<String> fixedBranchValues() {
        Set<String> values = new LinkedHashSet<>();
        if (isNumeric()) {
            IntStream.rangeClosed(min(), max()).forEach(n -> values.add(Integer.toString(n)));
        } else if (this == YES_NO) {
            values.add(YES);
            values.add(NO);
        }
        return values;
    }
}
