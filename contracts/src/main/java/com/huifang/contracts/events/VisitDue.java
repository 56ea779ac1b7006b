package com.huifang.contracts.events;

import com.huifang.contracts.HuifangEvent;
import java.time.Instant;

/** A planned visit fell due and enters the worklists. Published exactly once per visit. Key: customer id. */
public record VisitDue(
        String visitId,
        String customerId,
        String planId,
        String surveyTemplateId,
        Instant dueAt,
        Instant deadlineAt,
        String channel,
        int priority,
        String assigneeId) implements HuifangEvent {

    @Override
    public String key() {
        return customerId;
    }
}
