package com.huifang.contracts.events;

import com.huifang.contracts.HuifangEvent;
import java.time.Instant;
import java.util.List;

/**
 * A problem was found and is now tracked. Key: issue id.
 *
 * @param source   SURVEY, AGENT, STAFF, PARTNER
 * @param severity NORMAL or MAJOR
 * @param staffIds staff concerned (for complaint rates per staff member)
 */
public record IssueRaised(
        String issueId,
        String customerId,
        String visitId,
        String category,
        String severity,
        String source,
        String department,
        List<String> staffIds,
        Instant raisedAt) implements HuifangEvent {

    @Override
    public String key() {
        return issueId;
    }
}
