package com.huifang.feedback.issue.domain;

import java.util.Objects;

/** Who did something, in which role. */
public record Actor(String id, Role role) {

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
    }

    public static Actor system() {
        return new Actor("system", Role.SYSTEM);
    }
}
