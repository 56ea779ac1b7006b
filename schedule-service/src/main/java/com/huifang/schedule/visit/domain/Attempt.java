package com.huifang.schedule.visit.domain;

import com.huifang.schedule.plan.domain.Channel;
import java.time.Instant;

/**
 * One try at a visit.
 *
 * @param channel         channel used (must be the visit's current rung)
 * @param at              when
 * @param outcome         outcome code
 * @param callBackAt      for CALL_BACK_LATER: the time the customer asked for
 * @param ringSeconds     how long the phone rang (phone channels)
 * @param durationSeconds talk time
 * @param recordingRef    reference of the call recording
 * @param notes           free notes
 * @param agentId         who tried
 */
public record Attempt(
        Channel channel,
        Instant at,
        AttemptOutcome outcome,
        Instant callBackAt,
        Integer ringSeconds,
        Integer durationSeconds,
        String recordingRef,
        String notes,
        String agentId) {

    public Attempt {
        if (channel == null || at == null || outcome == null) {
            throw new VisitRuleException("an attempt needs a channel, a time and an outcome");
        }
        if (outcome == AttemptOutcome.CALL_BACK_LATER && callBackAt == null) {
            throw new VisitRuleException("CALL_BACK_LATER needs the time the customer asked for");
        }
        if (ringSeconds != null && ringSeconds < 0 || durationSeconds != null && durationSeconds < 0) {
            throw new VisitRuleException("ring and talk seconds cannot be negative");
        }
    }

    public static Attempt of(Channel channel, Instant at, AttemptOutcome outcome, Integer ringSeconds, String agentId) {
        return new Attempt(channel, at, outcome, null, ringSeconds, null, null, null, agentId);
    }

    public static Attempt callBackLater(Channel channel, Instant at, Instant callBackAt, String agentId) {
        return new Attempt(channel, at, AttemptOutcome.CALL_BACK_LATER, callBackAt, null, null, null, null, agentId);
    }
}
