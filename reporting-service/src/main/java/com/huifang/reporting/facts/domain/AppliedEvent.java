package com.huifang.reporting.facts.domain;

import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.HuifangEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event as the projections apply it: the envelope's identity and time plus the decoded payload.
 * The (occurredAt, eventId) pair orders events totally, so "the latest event wins" gives the same
 * answer whatever order events arrive in.
 */
public record AppliedEvent(UUID eventId, String tenantId, Instant occurredAt, HuifangEvent payload) {

    public AppliedEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }

    /** Pairs an envelope with its payload, decoded by the adapter with {@code EventJson.payload}. */
    public static AppliedEvent of(EventEnvelope envelope, HuifangEvent payload) {
        return new AppliedEvent(envelope.eventId(), envelope.tenantId(), envelope.occurredAt(), payload);
    }

    <T> Versioned<T> versioned(T value) {
        return new Versioned<>(occurredAt, eventId, value);
    }
}
