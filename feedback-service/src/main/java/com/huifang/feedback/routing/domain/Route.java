package com.huifang.feedback.routing.domain;

import java.util.Objects;

/**
 * Where an issue goes: the department it concerns (counted in reports by department) and the queue
 * that owns it.
 *
 * @param toLeadership true when the issue skipped the department queue because it is major
 */
public record Route(String department, String ownerQueue, boolean toLeadership) {

    public Route {
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(ownerQueue, "ownerQueue");
    }
}
