package com.huifang.schedule.plan.domain;

/** When the next try on the same rung is made after one that did not reach the customer. */
public enum Spacing {
    /** at another time of day: the next start of a different calling window (next working day if needed) */
    ANOTHER_TIME_OF_DAY,
    /** the first window of the next working day */
    NEXT_WORKING_DAY,
    /** the next window start (a link or letter can be re-sent at once) */
    NEXT_WINDOW
}
