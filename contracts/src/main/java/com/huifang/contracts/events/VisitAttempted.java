package com.huifang.contracts.events;

import com.huifang.contracts.HuifangEvent;
import java.time.Instant;

/**
 * One try at a visit.
 *
 * @param outcome      REACHED, NO_ANSWER, BUSY, POWERED_OFF, WRONG_NUMBER, REFUSED, CALL_BACK_LATER, INCONVENIENT
 * @param recordingRef the call recording's reference in the telephony system, if any (quality review
 *                     and retention follow it); never the recording itself
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
        Instant attemptedAt,
        String recordingRef) implements HuifangEvent {

    /** An attempt without a recording (SMS, letter, home visit, or a call that was not recorded). */
    public VisitAttempted(String visitId, String customerId, String planId, int attemptNo, String channel,
                          String outcome, Integer ringSeconds, Integer durationSeconds, String agentId,
                          Instant attemptedAt) {
        this(visitId, customerId, planId, attemptNo, channel, outcome, ringSeconds, durationSeconds, agentId,
                attemptedAt, null);
    }

    @Override
    public String key() {
        return customerId;
    }
}
