package com.huifang.schedule.assignment;

import com.huifang.schedule.assignment.domain.Agent;
import com.huifang.schedule.assignment.domain.AssignmentDecision;
import com.huifang.schedule.assignment.domain.AssignmentRequest;
import com.huifang.schedule.assignment.domain.Assigner;
import com.huifang.schedule.assignment.store.TeamDocument;
import com.huifang.schedule.plan.domain.AssignmentPolicy;
import com.huifang.schedule.plan.domain.TenantCalendar;
import com.huifang.schedule.visit.store.VisitDocument;
import com.huifang.schedule.visit.store.VisitStore;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Picks the agent of a new visit with the domain's {@link Assigner}: the plan's team (or the
 * tenant's first team), its policy, the agents' load (open visits assigned to them due the same
 * day), the customer's previous agent (原咨询师接回) and the staff whose work is checked (never them).
 * No team → the visit stays in the tenant's queue (assignee null).
 */
@Service
public class Assignments {

    private final ReactiveMongoTemplate mongo;
    private final Assigner assigner = new Assigner();

    public Assignments(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public record Choice(String teamId, String agentId, String reason) {
        static final Choice NONE = new Choice(null, null, "no team: tenant queue");
    }

    public Mono<Choice> choose(String tenantId, AssignmentPolicy policy, String visitId, String customerId, Instant dueAt,
                               List<String> conflictedStaff, TenantCalendar calendar) {
        return team(tenantId, policy == null ? null : policy.teamId())
                .flatMap(team -> previousAgent(tenantId, customerId).defaultIfEmpty("")
                        .zipWith(load(tenantId, team, dueAt, calendar))
                        .flatMap(t -> {
                            AssignmentPolicy.Kind kind = policy == null ? AssignmentPolicy.Kind.ROUND_ROBIN : policy.kind();
                            AssignmentDecision d = assigner.assign(new AssignmentRequest(visitId, customerId, dueAt,
                                            t.getT1().isEmpty() ? null : t.getT1(), new HashSet<>(conflictedStaff)),
                                    kind, agents(team), t.getT2(), team.lastAssignedId, calendar.workingDays());
                            Choice choice = new Choice(team.teamId, d.agentId(), d.reason());
                            if (kind == AssignmentPolicy.Kind.ROUND_ROBIN && d.assigned()) {
                                return mongo.updateFirst(Query.query(Criteria.where("_id").is(team.id)),
                                        new Update().set("lastAssignedId", d.agentId()), TeamDocument.class).thenReturn(choice);
                            }
                            return Mono.just(choice);
                        }))
                .defaultIfEmpty(Choice.NONE);
    }

    public Mono<TeamDocument> team(String tenantId, String teamId) {
        if (teamId != null) {
            return mongo.findById(TeamDocument.idOf(tenantId, teamId), TeamDocument.class);
        }
        return mongo.findOne(Query.query(Criteria.where("tenantId").is(tenantId)).with(Sort.by("teamId")).limit(1),
                TeamDocument.class);
    }

    public static List<Agent> agents(TeamDocument team) {
        return team.agents.stream().map(a -> new Agent(a.id(), team.teamId,
                a.workingDays() == null ? Set.of() : a.workingDays().stream().map(DayOfWeek::valueOf).collect(Collectors.toSet()),
                a.absences() == null ? Set.of() : Set.copyOf(a.absences()), a.capacityPerWindow())).toList();
    }

    private Mono<String> previousAgent(String tenantId, String customerId) {
        Query q = Query.query(Criteria.where("tenantId").is(tenantId).and("customerId").is(customerId)
                .and("assigneeId").ne(null)).with(Sort.by(Sort.Direction.DESC, "plannedAt")).limit(1);
        return mongo.findOne(q, VisitDocument.class).mapNotNull(v -> v.assigneeId);
    }

    /** Open visits each agent of the team holds on the due day (the load the capacity is checked against). */
    public Mono<Map<String, Integer>> load(String tenantId, TeamDocument team, Instant dueAt, TenantCalendar calendar) {
        LocalDate day = calendar.workingDays().localDate(dueAt);
        Instant from = ZonedDateTime.of(day.atStartOfDay(), calendar.zone()).toInstant();
        Instant to = ZonedDateTime.of(day.plusDays(1).atStartOfDay(), calendar.zone()).toInstant();
        List<String> ids = team.agents.stream().map(TeamDocument.AgentRecord::id).toList();
        Query q = Query.query(Criteria.where("tenantId").is(tenantId).and("assigneeId").in(ids)
                .and("state").in(VisitStore.OPEN).and("dueAt").gte(from).lt(to));
        q.fields().include("assigneeId");
        return mongo.find(q, VisitDocument.class)
                .collect(() -> new HashMap<String, Integer>(), (m, v) -> m.merge(v.assigneeId, 1, Integer::sum))
                .map(m -> (Map<String, Integer>) m);
    }
}
