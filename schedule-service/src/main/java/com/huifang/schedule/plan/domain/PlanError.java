package com.huifang.schedule.plan.domain;

/** One problem in a plan document, at a JSON-pointer path such as {@code /stages/0/timing/due/amount}. */
public record PlanError(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
