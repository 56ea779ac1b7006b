package com.huifang.reporting.facts.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/**
 * A value with the version of the event that set it. Merging keeps the later version (then the
 * larger event id), which is commutative, associative and idempotent: a replay, a redelivery or a
 * different arrival order ends in the same value.
 */
public record Versioned<T>(Instant occurredAt, UUID eventId, T value) {

    private static final Comparator<Versioned<?>> ORDER = Comparator
            .<Versioned<?>, Instant>comparing(Versioned::occurredAt)
            .thenComparing(Versioned::eventId);

    public static <T> Versioned<T> latest(Versioned<T> current, Versioned<T> incoming) {
        if (current == null) {
            return incoming;
        }
        if (incoming == null) {
            return current;
        }
        return ORDER.compare(incoming, current) > 0 ? incoming : current;
    }

    public static <T> T valueOf(Versioned<T> v) {
        return v == null ? null : v.value();
    }
}
