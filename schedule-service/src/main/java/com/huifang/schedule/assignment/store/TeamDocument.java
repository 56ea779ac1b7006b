package com.huifang.schedule.assignment.store;

import com.huifang.platform.messaging.OutboxEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A team of call-back agents. Id = {@code tenant:team}. */
@Document("teams")
public class TeamDocument {

    @Id
    public String id;
    public String tenantId;
    public String teamId;
    public String name;
    public List<AgentRecord> agents = new ArrayList<>();
    /** round-robin cursor */
    public String lastAssignedId;
    /** visits handed over for each absence (removing the absence reads them); days before today are pruned */
    public List<HandOverRecord> handOvers = new ArrayList<>();
    @Version
    public Long version;
    /** audit entries of membership and absence changes, written with them */
    public List<OutboxEntry> outbox = new ArrayList<>();

    /** @param workingDays MONDAY…; empty = the tenant calendar's working days */
    public record AgentRecord(String id, List<String> workingDays, List<LocalDate> absences, int capacityPerWindow) {
    }

    /** A visit of {@code agentId} handed to {@code toAgentId} because of the absence on {@code date}. */
    public record HandOverRecord(String agentId, LocalDate date, String visitId, String toAgentId) {
    }

    public static String idOf(String tenantId, String teamId) {
        return tenantId + ":" + teamId;
    }
}
