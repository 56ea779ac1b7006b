package com.huifang.reporting.kpi;

import com.huifang.reporting.facts.domain.DimensionSource;
import com.huifang.reporting.facts.domain.Placement;
import com.huifang.reporting.facts.domain.ServiceEventFact;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * The dimensions of one tenant's report, resolved from the facts, placements and time zone loaded for it
 * (the zone its latest calendar set).
 */
public record StoredDimensions(String tenantId, ZoneId zone, Map<String, ServiceEventFact> serviceEvents,
                               Map<String, Placement> placements) implements DimensionSource {

    @Override
    public ZoneId zoneOf(String tenant) {
        return zone;
    }

    @Override
    public Optional<ServiceEventFact> serviceEvent(String tenant, String serviceEventId) {
        return tenant.equals(tenantId) ? Optional.ofNullable(serviceEvents.get(serviceEventId)) : Optional.empty();
    }

    @Override
    public Placement placementOf(String tenant, String agentId) {
        return tenant.equals(tenantId) ? placements.getOrDefault(agentId, Placement.UNKNOWN) : Placement.UNKNOWN;
    }
}
