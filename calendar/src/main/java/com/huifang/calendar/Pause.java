package com.huifang.calendar;

import java.time.Instant;
import java.util.Objects;

/**
 * An interval {@code [from, to)} during which an SLA timer is paused, e.g. while an issue waits on
 * the customer. Pauses may overlap each other and may lie partly outside business hours: only
 * their business time is subtracted, and overlapping pauses are counted once.
 */
public record Pause(Instant from, Instant to) {

    public Pause {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("pause ends at " + to + " before it starts at " + from);
        }
    }
}
