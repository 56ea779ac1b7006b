package com.huifang.schedule.calendar.store;

import com.huifang.platform.messaging.OutboxEntry;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A tenant's calendar settings and the holiday years its admins uploaded (kept as the validated
 * YAML/JSON text, merged over the PRC 2025–2026 default in upload order). Id = tenant id.
 */
@Document("calendars")
public class CalendarDocument {

    @Id
    public String id;
    public String tenantId;
    public String zone;
    /** MONDAY… ; empty = Monday–Friday */
    public List<String> weeklyWorkingDays = new ArrayList<>();
    public String callingWindows;
    public String businessHours;
    public List<String> uploadedYears = new ArrayList<>();
    /** the calendar's version as published in {@code TenantCalendarChanged}: 1 for the first change */
    public int calendarVersion;
    @Version
    public Long version;
    /** {@code TenantCalendarChanged} and audit entries, written with the change they describe */
    public List<OutboxEntry> outbox = new ArrayList<>();
}
