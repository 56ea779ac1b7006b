package com.huifang.reporting.facts.store;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Where an agent sits (team, department): tenant configuration, no event carries it. */
@Document(AgentPlacementDocument.COLLECTION)
public class AgentPlacementDocument {

    public static final String COLLECTION = "agent_placements";

    @Id
    public String id;
    public String tenantId;
    public String agentId;
    public String team;
    public String department;

    public static String idOf(String tenantId, String agentId) {
        return tenantId + "/" + agentId;
    }
}
