package com.huifang.schedule.assignment;

import com.huifang.schedule.assignment.domain.Agent;
import com.huifang.schedule.assignment.domain.AssignmentDecision;
import com.huifang.schedule.assignment.domain.AssignmentRequest;
import com.huifang.schedule.assignment.domain.Assigner;
import com.huifang.schedule.assignment.store.TeamDocument;
import com.huifang.schedule.plan.domain.AssignmentPolicy;
import com.huifang.schedule.plan.domain.CallingTimes;
import com.huifang.schedule.visit.domain.PlannedVisit;
import com.huifang.schedule.plan.domain.TenantCalendar;
import com.huifang.schedule.visit.store.VisitDocument;
import com.huifang.schedule.visit.store.VisitStore;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
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
 * tenant's first team), its policy, the agents' load (open visits assigned to them whose next try
 * falls in the same calling window), the customer's previous agent (原咨询师接回) and the staff whose work is checked (never them).
 * No team → the visit stays in the tenant's queue (assignee null).
 */
@Service
public class Assignments {

    private final ReactiveMongoTemplate mongo;
    private final Assigner assigner = new Assigner();

    public Assignments(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Who gets the visit, and when it falls due (moved to a later window when its own was full). */
    public record Choice(String teamId, String agentId, String reason, Instant dueAt) {
    }

    /** At most this many calling windows are tried before a visit stays in the team queue. */
    static final int MAX_WINDOWS_TRIED = 6;

    /**
     * Picks the agent of a new visit: capacity is counted per calling window (an agent's open visits
     * due in the same window of the same day); when nobody has room in the visit's window, the next
     * windows up to its deadline are tried (the visit then falls due there). A customer's own
     * call-back time is never moved.
     */
    public Mono<Choice> choose(String tenantId, AssignmentPolicy policy, String visitId, PlannedVisit spec,
                               TenantCalendar calendar) {
        return team(tenantId, policy == null ? null : policy.teamId())
                .flatMap(team -> {
                    CallingTimes times = new CallingTimes(calendar.workingDays(),
                            spec.windows() == null ? calendar.callingWindows() : spec.windows(), spec.allowNonWorkingDays());
                    boolean customerTime = spec.explanation().stream().anyMatch(l -> l.startsWith("customer asked"));
                    List<Instant> slots = slots(times, spec.dueAt(), spec.deadlineAt(), customerTime ? 1 : MAX_WINDOWS_TRIED);
                    return previousAgent(tenantId, spec.customerId()).defaultIfEmpty("")
                            .zipWith(windowLoads(tenantId, team, slots, times))
                            .flatMap(t -> {
                                AssignmentPolicy.Kind kind = policy == null ? AssignmentPolicy.Kind.ROUND_ROBIN : policy.kind();
                                Assigner.WindowedDecision w = assigner.assignWithinCapacity(new AssignmentRequest(visitId,
                                                spec.customerId(), spec.dueAt(), t.getT1().isEmpty() ? null : t.getT1(),
                                                new HashSet<>(spec.staffIds())),
                                        kind, agents(team), slots, slot -> t.getT2().getOrDefault(slot, Map.of()),
                                        team.lastAssignedId, calendar.workingDays());
                                AssignmentDecision d = w.decision();
                                Choice choice = new Choice(team.teamId, d.agentId(), d.reason(), w.dueAt());
                                if (kind == AssignmentPolicy.Kind.ROUND_ROBIN && d.assigned()) {
                                    return mongo.updateFirst(Query.query(Criteria.where("_id").is(team.id)),
                                            new Update().set("lastAssignedId", d.agentId()), TeamDocument.class).thenReturn(choice);
                                }
                                return Mono.just(choice);
                            });
                })
                .defaultIfEmpty(new Choice(null, null, "no team: tenant queue", spec.dueAt()));
    }

    /** The visit's due time, then the starts of the following calling windows, none after the deadline. */
    static List<Instant> slots(CallingTimes times, Instant dueAt, Instant deadlineAt, int max) {
        List<Instant> slots = new ArrayList<>();
        slots.add(dueAt);
        Instant t = dueAt;
        try {
            while (slots.size() < max) {
                t = times.nextSlotInAnotherWindow(t);
                if (deadlineAt != null && t.isAfter(deadlineAt)) {
                    break;
                }
                slots.add(t);
            }
        } catch (RuntimeException beyondTheCalendar) {
            // a year the calendar does not know: no overflow into it (the due time itself was computed)
        }
        return slots;
    }

    /** Each slot's load: the team's open visits per agent falling in the same calling window of the same day. */
    private Mono<Map<Instant, Map<String, Integer>>> windowLoads(String tenantId, TeamDocument team, List<Instant> slots,
                                                                CallingTimes times) {
        ZoneId zone = times.zone();
        Instant from = ZonedDateTime.of(LocalDateTime.ofInstant(slots.get(0), zone).toLocalDate().atStartOfDay(), zone).toInstant();
        Instant to = ZonedDateTime.of(LocalDateTime.ofInstant(slots.get(slots.size() - 1), zone).toLocalDate().plusDays(1)
                .atStartOfDay(), zone).toInstant();
        List<String> ids = team.agents.stream().map(TeamDocument.AgentRecord::id).toList();
        // a visit counts in the window of its next try (a hand-over may have moved it past its due time)
        Query q = Query.query(Criteria.where("tenantId").is(tenantId).and("assigneeId").in(ids)
                .and("state").in(VisitStore.OPEN).and("dueAt").lt(to)
                .orOperator(Criteria.where("dueAt").gte(from), Criteria.where("nextAttemptAt").gte(from)));
        q.fields().include("assigneeId").include("dueAt").include("nextAttemptAt");
        return mongo.find(q, VisitDocument.class).collectList().map(visits -> {
            Map<Instant, Map<String, Integer>> loads = new HashMap<>();
            for (Instant slot : slots) {
                String key = windowKey(slot, times);
                Map<String, Integer> load = new HashMap<>();
                for (VisitDocument v : visits) {
                    if (v.dueAt != null && key.equals(windowKey(Absences.nextTry(v), times))) {
                        load.merge(v.assigneeId, 1, Integer::sum);
                    }
                }
                loads.put(slot, load);
            }
            return loads;
        });
    }

    private static String windowKey(Instant t, CallingTimes times) {
        return LocalDateTime.ofInstant(t, times.zone()).toLocalDate() + "#" + times.windowIndex(t);
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
}
