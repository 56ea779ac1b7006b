package com.huifang.contracts.events;

import com.huifang.contracts.HuifangEvent;
import java.time.Instant;

/**
 * A visit ended.
 *
 * @param result   COMPLETED (customer reached and visit done), FAILED (ladder exhausted), REFUSED
 *                 (customer refused: not a failure), CANCELLED (e.g. policy withdrawn before the visit)
 * @param onTime   ended successfully before its deadline (or it had none)
 * @param attempts number of attempts made
 */
public record VisitCompleted(
        String visitId,
        String customerId,
        String planId,
        String result,
        String channel,
        String agentId,
        Instant completedAt,
        Instant deadlineAt,
        boolean onTime,
        int attempts) implements HuifangEvent {

    @Override
    public String key() {
        return customerId;
    }
}
