package com.huifang.feedback.rules.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The last {@code TenantCalendarChanged} received for a tenant (schedule-service owns the calendar); {@code _id}
 * is the tenant id. Only a higher {@code calendarVersion} replaces it, so a late, older event changes nothing.
 */
@Document("tenant_calendars")
public class TenantCalendarDocument {

    @Id
    public String tenantId;
    public String zone;
    public List<String> weeklyWorkingDays = new ArrayList<>();
    public String businessHours;
    public List<String> uploadedYears = new ArrayList<>();
    public long calendarVersion;
    public Instant changedAt;
    public Instant receivedAt;
}
