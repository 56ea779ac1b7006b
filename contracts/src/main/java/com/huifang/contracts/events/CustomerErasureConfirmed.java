package com.huifang.contracts.events;

import com.huifang.contracts.HuifangEvent;
import java.time.Instant;

/**
 * A service has anonymised its own copy of an erased customer ({@link CustomerErased}). The
 * customer-service marks the erasure request complete once every service expected to hold a copy
 * has confirmed. Published once per service and request (a replayed {@code CustomerErased} confirms
 * again with the same event id, so consumers drop the duplicate).
 *
 * @param service           the confirming service's name, e.g. {@code schedule-service}
 * @param recordsAnonymised how many of that service's records were anonymised or deleted (0 when it
 *                          held nothing of this customer, which is still a confirmation)
 */
public record CustomerErasureConfirmed(String customerId, String requestId, String service, int recordsAnonymised,
                                       Instant confirmedAt) implements HuifangEvent {

    @Override
    public String key() {
        return customerId;
    }
}
