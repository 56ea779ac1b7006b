package com.huifang.contracts.events;

import com.huifang.contracts.HuifangEvent;
import java.time.Instant;

/** A handler resolved an issue; schedule-service plans the re-contact visit that confirms it. */
public record IssueResolved(
        String issueId,
        String customerId,
        String visitId,
        String category,
        String resolution,
        boolean slaMet,
        Instant resolvedAt) implements HuifangEvent {

    @Override
    public String key() {
        return issueId;
    }
}
