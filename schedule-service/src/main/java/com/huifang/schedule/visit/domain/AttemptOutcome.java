package com.huifang.schedule.visit.domain;

import java.util.Arrays;

/** The outcome code of one try. */
public enum AttemptOutcome {
    REACHED,
    NO_ANSWER,
    BUSY,
    POWERED_OFF,
    WRONG_NUMBER,
    REFUSED,
    /** the customer asked to be called back at a time (carried by the attempt) */
    CALL_BACK_LATER,
    /** reached, but it is not a good moment: try at another time of day, not counted */
    INCONVENIENT;

    /** Parses an outcome code; an unknown code is a rule error listing the valid ones. */
    public static AttemptOutcome parse(String code) {
        try {
            return valueOf(code.trim().toUpperCase());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new VisitRuleException("unknown outcome code '" + code + "'; valid: " + Arrays.toString(values()));
        }
    }
}
