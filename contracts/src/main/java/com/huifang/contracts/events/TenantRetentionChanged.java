package com.huifang.contracts.events;

import com.huifang.contracts.HuifangEvent;
import java.time.Instant;

/**
 * A tenant's retention rule changed: how long visits, attempts, recording references, survey
 * answers and issues are kept after they ended (default 3 years: seed 004 asks records and
 * recordings of securities and wealth-management visits be kept at least 3 years). Every service
 * that holds such records keeps a copy and purges by it daily.
 *
 * @param retentionDays   days a record is kept after its last activity
 * @param legalMinimumDays the floor the tenant declared (its regulator's); retentionDays is never below it
 * @param version         keep the highest
 */
public record TenantRetentionChanged(
        String tenant,
        int retentionDays,
        int legalMinimumDays,
        int version,
        Instant changedAt) implements HuifangEvent {

    @Override
    public String key() {
        return tenant;
    }
}
