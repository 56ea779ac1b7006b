package com.huifang.feedback.issue.domain;

/**
 * The closed loop. Waiting on the customer is not a state: it is a pause of the SLA clocks that can
 * happen in OPEN, ACKNOWLEDGED or IN_PROGRESS (see {@link Issue#waitOnCustomer}).
 */
public enum IssueState {
    OPEN,
    ACKNOWLEDGED,
    IN_PROGRESS,
    RESOLVED,
    CONFIRMED,
    CLOSED
}
