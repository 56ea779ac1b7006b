package com.huifang.schedule.visit.store;

import com.huifang.schedule.visit.domain.ServiceEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The service event a visit was planned from, kept on the visit to plan the repeats of a recurring stage. */
public record EventRecord(String id, String customerId, String type, Instant occurredAt, Instant scheduledAt,
                          String category, List<String> staffIds, Map<String, String> attributes) {

    public static EventRecord of(ServiceEvent e) {
        return new EventRecord(e.id(), e.customerId(), e.type(), e.occurredAt(), e.scheduledAt(), e.category(),
                e.staffIds(), e.attributes());
    }

    public ServiceEvent toEvent() {
        return new ServiceEvent(id, customerId, type, occurredAt, scheduledAt, category, staffIds, attributes);
    }
}
