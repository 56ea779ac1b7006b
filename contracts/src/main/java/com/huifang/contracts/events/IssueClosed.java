package com.huifang.contracts.events;

import com.huifang.contracts.HuifangEvent;
import java.time.Instant;

/** An issue closed: CONFIRMED by the customer in a re-contact visit, or WAIVED by a supervisor. */
public record IssueClosed(String issueId, String customerId, String how, Instant closedAt) implements HuifangEvent {

    @Override
    public String key() {
        return issueId;
    }
}
