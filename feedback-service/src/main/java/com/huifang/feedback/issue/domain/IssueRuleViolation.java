package com.huifang.feedback.issue.domain;

/** The action is allowed in this state but its input breaks a rule (no resolution note, fix date too late…). */
public class IssueRuleViolation extends IssueException {

    public IssueRuleViolation(String message) {
        super(message);
    }
}
