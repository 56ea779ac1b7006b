package com.huifang.survey.link.domain;

/** What presenting a link token yields; each has its own polite page. */
public enum TokenOutcome {
    /** Show the survey (or accept the submission). */
    VALID,
    /** No such link: mistyped or forged. */
    UNKNOWN,
    /** Already answered: thank the customer again. */
    USED,
    /** Too late: the link's time is over. */
    EXPIRED
}
