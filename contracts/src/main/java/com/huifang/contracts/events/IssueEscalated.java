package com.huifang.contracts.events;

import com.huifang.contracts.HuifangEvent;
import java.time.Instant;

/** An issue missed its SLA (or is major) and went up a level: SUPERVISOR, DEPARTMENT_HEAD, LEADERSHIP. */
public record IssueEscalated(
        String issueId,
        String customerId,
        String level,
        String reason,
        Instant escalatedAt) implements HuifangEvent {

    @Override
    public String key() {
        return issueId;
    }
}
