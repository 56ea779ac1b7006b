package com.huifang.feedback.issue.domain;

/** Everything that can happen to an issue; each one leaves an audit record. */
public enum IssueAction {
    RAISE,
    ACKNOWLEDGE,
    START,
    RESOLVE,
    CONFIRM,
    REOPEN,
    CLOSE,
    WAIVE,
    WAIT_ON_CUSTOMER,
    CUSTOMER_REPLIED,
    ATTACH,
    ASSIGN,
    WARN,
    ESCALATE
}
