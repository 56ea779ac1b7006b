package com.huifang.contracts.events;

import com.huifang.contracts.HuifangEvent;
import java.time.Instant;

/**
 * An issue's SLA timer is close to breach (a share of its business-time budget used): its owner
 * and their supervisor are told before it is too late. Published once per issue, kind and target.
 *
 * @param kind          FIRST_RESPONSE or RESOLUTION
 * @param dueAt         when the target is breached (business time already converted)
 * @param remaining     business time left, ISO-8601 duration
 * @param owner         the issue's owner (user id), or null when only a queue
 * @param department    the department that handles it
 */
public record IssueSlaWarning(
        String issueId,
        String customerId,
        String kind,
        Instant dueAt,
        String remaining,
        String owner,
        String department,
        Instant warnedAt) implements HuifangEvent {

    @Override
    public String key() {
        return issueId;
    }
}
