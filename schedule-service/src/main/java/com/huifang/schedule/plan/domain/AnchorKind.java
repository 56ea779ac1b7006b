package com.huifang.schedule.plan.domain;

/** What a timing or deadline offset counts from. */
public enum AnchorKind {
    /** when the service event happened (discharge, installation, signing…) */
    OCCURRED_AT,
    /** the future date the event announces (the expert's visit): offsets are usually negative */
    SCHEDULED_AT,
    /** a date attribute of the event (policy receipt date, planned end date) */
    ATTRIBUTE,
    /** midway between {@code startAttribute} (or the event time when absent) and {@code attribute} */
    MIDPOINT
}
