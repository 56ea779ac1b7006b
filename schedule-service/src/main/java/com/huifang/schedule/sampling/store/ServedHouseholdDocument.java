package com.huifang.schedule.sampling.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A household served in a sampling plan's period (one service event), waiting for the period's
 * draw. Id = {@code tenant:plan:period:serviceEvent}, so a redelivered event is counted once.
 */
@Document("sampling_population")
public class ServedHouseholdDocument {

    @Id
    public String id;
    public String tenantId;
    public String planId;
    /** "2025-09" (month) or "2025-Q3" (quarter), in the tenant's zone */
    public String period;
    public String householdId;
    public String serviceEventId;
    public String eventType;
    public Instant occurredAt;
    public Instant scheduledAt;
    public String category;
    public List<String> staffIds = new ArrayList<>();
    public Map<String, String> attributes = new HashMap<>();

    public static String idOf(String tenantId, String planId, String period, String serviceEventId) {
        return tenantId + ":" + planId + ":" + period + ":" + serviceEventId;
    }
}
