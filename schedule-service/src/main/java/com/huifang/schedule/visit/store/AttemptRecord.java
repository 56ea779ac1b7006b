package com.huifang.schedule.visit.store;

import java.time.Instant;

/** One try at a visit, as stored inside the visit document. */
public record AttemptRecord(int number, String channel, String outcome, Instant callBackAt, Integer ringSeconds,
                            Integer durationSeconds, String recordingRef, String notes, String agentId, Instant at) {
}
