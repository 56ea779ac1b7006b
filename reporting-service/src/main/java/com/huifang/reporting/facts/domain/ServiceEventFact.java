package com.huifang.reporting.facts.domain;

import com.huifang.contracts.events.ServiceEventRecorded;
import java.util.List;

/**
 * What reporting keeps of a service event: the customer's category at the time and the staff who
 * served them (for the complaint rate per staff member). Latest event wins.
 */
public record ServiceEventFact(String tenantId, String serviceEventId, Versioned<ServiceEventRecorded> recorded) {

    public static ServiceEventFact empty(String tenantId, String serviceEventId) {
        return new ServiceEventFact(tenantId, serviceEventId, null);
    }

    public ServiceEventFact apply(AppliedEvent event) {
        if (!(event.payload() instanceof ServiceEventRecorded e) || !e.serviceEventId().equals(serviceEventId)
                || !event.tenantId().equals(tenantId)) {
            throw new IllegalArgumentException("Not an event of service event " + serviceEventId + ": " + event.eventId());
        }
        return new ServiceEventFact(tenantId, serviceEventId, Versioned.latest(recorded, event.versioned(e)));
    }

    public String customerCategory() {
        return recorded == null || recorded.value().customerCategory() == null
                ? DailyFactKey.UNKNOWN : recorded.value().customerCategory();
    }

    public List<String> staffIds() {
        return recorded == null || recorded.value().staffIds() == null ? List.of() : recorded.value().staffIds();
    }
}
