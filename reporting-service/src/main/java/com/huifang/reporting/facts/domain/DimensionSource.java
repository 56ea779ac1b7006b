package com.huifang.reporting.facts.domain;

import java.time.ZoneId;
import java.util.Optional;

/**
 * What a visit's reporting dimensions are resolved against when facts are aggregated: the tenant's
 * time zone (for the local due date), the service event behind the visit (the customer's category,
 * the staff who served them) and the agent directory (team, department). Visit events carry none of
 * these, so they are looked up at aggregation time; a rebuild therefore uses the current directory.
 */
public interface DimensionSource {

    ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    ZoneId zoneOf(String tenantId);

    Optional<ServiceEventFact> serviceEvent(String tenantId, String serviceEventId);

    Placement placementOf(String tenantId, String agentId);
}
