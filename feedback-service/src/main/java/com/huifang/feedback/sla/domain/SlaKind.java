package com.huifang.feedback.sla.domain;

/** The two clocks of an issue: the first answer to the customer, and the resolution. */
public enum SlaKind {
    FIRST_RESPONSE,
    RESOLUTION
}
