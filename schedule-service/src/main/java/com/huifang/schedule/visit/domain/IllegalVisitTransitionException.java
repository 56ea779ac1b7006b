package com.huifang.schedule.visit.domain;

import java.util.Set;

/** A state change the visit's life does not allow; the message lists the allowed ones. */
public class IllegalVisitTransitionException extends VisitRuleException {

    private final VisitState from;
    private final VisitState to;
    private final transient Set<VisitState> allowed;

    public IllegalVisitTransitionException(String visitId, VisitState from, VisitState to) {
        super("visit " + visitId + " cannot go from " + from + " to " + to + "; allowed from " + from + ": "
                + (from.allowedNext().isEmpty() ? "none (it has ended)" : from.allowedNext()));
        this.from = from;
        this.to = to;
        this.allowed = from.allowedNext();
    }

    public VisitState from() {
        return from;
    }

    public VisitState to() {
        return to;
    }

    public Set<VisitState> allowed() {
        return allowed;
    }
}
