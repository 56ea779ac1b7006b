package com.huifang.schedule.visit.domain;

/** An operation a visit's rules forbid (the adapter answers 409 Conflict). */
public class VisitRuleException extends RuntimeException {

    public VisitRuleException(String message) {
        super(message);
    }
}
