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
 * confirmed its own anonymisation ({@code CustomerErasureConfirmed}); a confirmation is recorded
 * whatever the state (it may arrive before the relay removed {@code CustomerErased} from the outbox),
 * and completion is stamped once ({@link #completedAt}) when both hold.
 *
 * @param confirmations service name → when it confirmed (empty until services confirm)
 * @param completedAt   when the request was first found complete (null until then)
 */
public record ErasureRequest(String requestId, State state, Instant requestedAt, String requestedBy,
                             String requestedByRole, Instant anonymisedAt, String erasedEventId,
                             Map<String, Instant> confirmations, Instant completedAt) {

    public enum State { REQUESTED, ANONYMISED, PUBLISHED }

    /** What a confirming service may be called: it becomes a key of the stored confirmations. */
    private static final java.util.regex.Pattern SERVICE_NAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public ErasureRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(requestedAt, "requestedAt");
        confirmations = confirmations == null ? Map.of() : Map.copyOf(confirmations);
    }

    /** A request not (yet) stamped complete. */
    public ErasureRequest(String requestId, State state, Instant requestedAt, String requestedBy,
                          String requestedByRole, Instant anonymisedAt, String erasedEventId,
                          Map<String, Instant> confirmations) {
        this(requestId, state, requestedAt, requestedBy, requestedByRole, anonymisedAt, erasedEventId, confirmations,
                null);
    }

    /** Whether {@code service} can be recorded as a confirming service (lower-case letters, digits, dashes). */
    public static boolean isServiceName(String service) {
        return service != null && SERVICE_NAME.matcher(service).matches();
    }

    public static ErasureRequest requested(String requestId, String by, String role, Instant at) {
        return new ErasureRequest(requestId, State.REQUESTED, at, by, role, null, null, Map.of());
    }

    /** The request as seen once its event left the outbox ({@code stillInOutbox} false). */
    public ErasureRequest relayed(boolean stillInOutbox) {
        return state == State.ANONYMISED && !stillInOutbox
                ? new ErasureRequest(requestId, State.PUBLISHED, requestedAt, requestedBy, requestedByRole,
                anonymisedAt, erasedEventId, confirmations, completedAt)
                : this;
    }

    /** The request with {@code service}'s confirmation; the first confirmation of a service stands. */
    public ErasureRequest confirmedBy(String service, Instant at) {
        if (!isServiceName(service)) {
            throw new IllegalArgumentException("not a service name: " + service);
        }
        if (confirmations.containsKey(service)) {
            return this;
        }
        Map<String, Instant> more = new java.util.HashMap<>(confirmations);
        more.put(service, at);
        return new ErasureRequest(requestId, state, requestedAt, requestedBy, requestedByRole, anonymisedAt,
                erasedEventId, more, completedAt);
    }

    /** Complete by {@link #isComplete} but not yet stamped: the moment to stamp and audit it. */
    public boolean needsCompletion(Collection<String> expected) {
        return completedAt == null && isComplete(expected);
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
