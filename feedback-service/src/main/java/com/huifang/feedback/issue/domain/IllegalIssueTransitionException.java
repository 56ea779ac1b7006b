package com.huifang.feedback.issue.domain;

import java.util.Set;

/** The action is not allowed in the issue's current state; carries the actions that are (for a 409 response). */
public class IllegalIssueTransitionException extends IssueException {

    private final IssueState state;
    private final IssueAction action;
    private final Set<IssueAction> allowed;

    public IllegalIssueTransitionException(IssueState state, IssueAction action, Set<IssueAction> allowed) {
        super("cannot " + action + " an issue that is " + state + "; allowed: " + (allowed.isEmpty() ? "none" : allowed));
        this.state = state;
        this.action = action;
        this.allowed = Set.copyOf(allowed);
    }

    public IssueState state() {
        return state;
    }

    public IssueAction action() {
        return action;
    }

    public Set<IssueAction> allowed() {
        return allowed;
    }
}
