package com.huifang.contracts.events;

import com.huifang.contracts.HuifangEvent;
import java.time.Instant;

/**
 * One try at a visit.
 *
 * @param outcome REACHED, NO_ANSWER, BUSY, POWERED_OFF, WRONG_NUMBER, REFUSED, CALL_BACK_LATER, INCONVENIENT
 */
public record VisitAttempted(
        String visitId,
        String customerId,
        String planId,
        int attemptNo,
        String channel,
        String outcome,
        Integer ringSeconds,
        Integer durationSeconds,
        String agentId,
        Instant attemptedAt) implements HuifangEvent {

    @Override
    public String key() {
        return customerId;
    }
}
