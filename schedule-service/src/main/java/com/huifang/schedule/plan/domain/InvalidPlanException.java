package com.huifang.schedule.plan.domain;

import java.util.List;

/** A plan was rejected; every error carries its path in the plan document. */
public class InvalidPlanException extends RuntimeException {

    private final transient List<PlanError> errors;

    public InvalidPlanException(List<PlanError> errors) {
        super("invalid plan: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<PlanError> errors() {
        return errors;
    }
}
