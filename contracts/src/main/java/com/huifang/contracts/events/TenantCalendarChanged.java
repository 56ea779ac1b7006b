package com.huifang.contracts.events;

import com.huifang.contracts.HuifangEvent;
import java.time.Instant;
import java.util.List;

/**
 * A tenant's working calendar changed (schedule-service owns it): every service that counts
 * working days or business hours (feedback-service's SLAs) rebuilds its copy from this event alone.
 * Carries the whole calendar, not a diff, so the latest event is enough.
 *
 * @param tenant            the tenant id (also the key)
 * @param zone              IANA zone, e.g. Asia/Shanghai
 * @param weeklyWorkingDays MONDAY…SUNDAY; empty = Monday–Friday
 * @param businessHours     "09:00-12:00,13:30-18:00" in {@code zone}
 * @param callingWindows    default calling windows, same format
 * @param uploadedYears     holiday years uploaded by the tenant's admins, each the validated YAML
 *                          text, applied in order over the official PRC calendar
 * @param version           the calendar's version: consumers keep the highest
 */
public record TenantCalendarChanged(
        String tenant,
        String zone,
        List<String> weeklyWorkingDays,
        String businessHours,
        String callingWindows,
        List<String> uploadedYears,
        int version,
        Instant changedAt) implements HuifangEvent {

    @Override
    public String key() {
        return tenant;
    }
}
