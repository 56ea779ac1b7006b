package com.huifang.reporting.facts.domain;

import com.huifang.contracts.events.ServiceEventRecorded;
import java.util.List;
import java.util.Map;

/**
 * What reporting keeps of a service event: the customer's category at the time and the staff who
 * served them (for the complaint rate per staff member). Latest event wins. Of the event's free
 * {@code attributes} only the sampling flags are kept ({@link com.huifang.reporting.kpi.domain.PlanSampling#MANDATORY_ATTRIBUTES},
 * "true"/"false", which sampling compliance reads); the rest never is: partners put whatever they like
 * there (names, addresses), which reporting would then have to erase and purge (issue 10 §2).
 */
public record ServiceEventFact(String tenantId, String serviceEventId, Versioned<ServiceEventRecorded> recorded) {

    public ServiceEventFact {
        if (recorded != null && recorded.value().attributes() != null) {
            ServiceEventRecorded e = recorded.value();
            Map<String, String> kept = new java.util.TreeMap<>();
            e.attributes().forEach((k, v) -> {
                if (KEPT_ATTRIBUTES.contains(k) && ("true".equalsIgnoreCase(v) || "false".equalsIgnoreCase(v))) {
                    kept.put(k, v);
                }
            });
            if (!kept.equals(e.attributes())) {
                recorded = new Versioned<>(recorded.occurredAt(), recorded.eventId(), new ServiceEventRecorded(
                        e.serviceEventId(), e.customerId(), e.eventType(), e.occurredAt(), e.scheduledAt(),
                        e.customerCategory(), e.staffIds(), e.source(), e.partnerEventId(), Map.copyOf(kept)));
            }
        }
    }

    private static final java.util.Set<String> KEPT_ATTRIBUTES =
            java.util.Set.copyOf(com.huifang.reporting.kpi.domain.PlanSampling.MANDATORY_ATTRIBUTES);

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
