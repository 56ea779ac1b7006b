package com.huifang.schedule.visit.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What happened to a customer, as the planner needs it (the adapter maps
 * {@code ServiceEventRecorded} onto it).
 *
 * @param id          service event id
 * @param customerId  the customer
 * @param type        tenant-defined type code
 * @param occurredAt  when it happened
 * @param scheduledAt a future date the event announces (an expert's visit); null if none
 * @param category    the customer's category at the time
 * @param staffIds    staff who served or sold: never assigned to check their own work
 * @param attributes  free attributes; dates as ISO date, local date-time or instant
 */
public record ServiceEvent(
        String id,
        String customerId,
        String type,
        Instant occurredAt,
        Instant scheduledAt,
        String category,
        List<String> staffIds,
        Map<String, String> attributes) {

    /** The attribute naming the case several events belong to (a renovation project). */
    public static final String CASE_ATTRIBUTE = "caseId";

    public ServiceEvent {
        staffIds = staffIds == null ? List.of() : List.copyOf(staffIds);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** The case: the {@code caseId} attribute, or the event itself. */
    public String caseRef() {
        return attributes.getOrDefault(CASE_ATTRIBUTE, id);
    }

    public boolean flag(String attribute) {
        return Boolean.parseBoolean(attributes.get(attribute));
    }
}
