package com.huifang.schedule.plan.domain;

import java.util.List;

/**
 * Which service events start a plan.
 *
 * @param eventTypes         tenant-defined event type codes (DISCHARGED, INSTALLED…)
 * @param customerCategories customer categories it applies to; empty means every category
 */
public record Triggers(List<String> eventTypes, List<String> customerCategories) {

    public Triggers {
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
        customerCategories = customerCategories == null ? List.of() : List.copyOf(customerCategories);
    }

    public boolean matches(String eventType, String category) {
        return eventTypes.contains(eventType)
                && (customerCategories.isEmpty() || customerCategories.contains(category));
    }
}
