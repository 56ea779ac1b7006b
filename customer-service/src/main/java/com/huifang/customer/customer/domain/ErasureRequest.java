package com.huifang.customer.customer.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A customer's erasure request (PRODUCT.md, Compliance: "a customer's erasure request is
 * honoured") and how far it got:
 * <ol>
 *   <li>{@link State#REQUESTED}: recorded (with its audit entry), personal data still here;</li>
 *   <li>{@link State#ANONYMISED}: anonymised in this service's store, {@code CustomerErased} written
 *       to the outbox in the same write;</li>
 *   <li>{@link State#PUBLISHED}: the relay handed {@code CustomerErased} to the broker, so every
 *       service holding a copy will receive it.</li>
 * </ol>
 * The request is complete when it is published and every service expected to hold a copy has
 * confirmed its own anonymisation; until a confirmation event exists in the contracts, those
 * services stay pending.
 *
 * @param confirmations service name → when it confirmed (empty until services confirm)
 */
public record ErasureRequest(String requestId, State state, Instant requestedAt, String requestedBy,
                             String requestedByRole, Instant anonymisedAt, String erasedEventId,
                             Map<String, Instant> confirmations) {

    public enum State { REQUESTED, ANONYMISED, PUBLISHED }

    public ErasureRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(requestedAt, "requestedAt");
        confirmations = confirmations == null ? Map.of() : Map.copyOf(confirmations);
    }

    public static ErasureRequest requested(String requestId, String by, String role, Instant at) {
        return new ErasureRequest(requestId, State.REQUESTED, at, by, role, null, null, Map.of());
    }

    /** The request as seen once its event left the outbox ({@code stillInOutbox} false). */
    public ErasureRequest relayed(boolean stillInOutbox) {
        return state == State.ANONYMISED && !stillInOutbox
                ? new ErasureRequest(requestId, State.PUBLISHED, requestedAt, requestedBy, requestedByRole,
                anonymisedAt, erasedEventId, confirmations)
                : this;
    }

    /** The services among {@code expected} that have not confirmed, in name order. */
    public List<String> pendingServices(Collection<String> expected) {
        List<String> pending = new ArrayList<>();
        expected.stream().sorted().filter(s -> !confirmations.containsKey(s)).forEach(pending::add);
        return pending;
    }

    /** Complete: published, and confirmed by every service expected to hold a copy. */
    public boolean isComplete(Collection<String> expected) {
        return state == State.PUBLISHED && pendingServices(expected).isEmpty();
    }
}
