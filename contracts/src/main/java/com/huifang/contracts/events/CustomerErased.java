package com.huifang.contracts.events;

import com.huifang.contracts.HuifangEvent;
import java.time.Instant;

/** A customer's erasure request was honoured: every service anonymises its copies. */
public record CustomerErased(String customerId, String requestId, Instant erasedAt) implements HuifangEvent {

    @Override
    public String key() {
        return customerId;
    }
}
