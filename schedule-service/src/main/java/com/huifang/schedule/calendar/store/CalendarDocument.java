package com.huifang.schedule.calendar.store;

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
    @Version
    public Long version;
}
