package com.huifang.reporting.facts.domain;

/** The tenant's agents and where they sit; a port the adapter implements from tenant configuration. */
@FunctionalInterface
public interface AgentDirectory {

    AgentDirectory NONE = (tenantId, agentId) -> Placement.UNKNOWN;

    Placement placementOf(String tenantId, String agentId);
}
