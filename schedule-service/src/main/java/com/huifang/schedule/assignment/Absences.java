package com.huifang.schedule.assignment;

import com.huifang.platform.audit.AuditActor;
import com.huifang.platform.audit.AuditDraft;
import com.huifang.platform.audit.AuditTrail;
import com.huifang.platform.correlation.CorrelationId;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.schedule.assignment.domain.AbsenceRemoval;
import com.huifang.schedule.assignment.domain.AssignmentDecision;
import com.huifang.schedule.assignment.domain.AssignmentRequest;
import com.huifang.schedule.assignment.domain.Assigner;
import com.huifang.schedule.assignment.store.TeamDocument;
import com.huifang.schedule.plan.PlanCatalog;
import com.huifang.schedule.plan.domain.AssignmentPolicy;
import com.huifang.schedule.plan.domain.CallingTimes;
import com.huifang.schedule.plan.domain.TenantCalendar;
import com.huifang.schedule.visit.VisitPlanning;
import com.huifang.schedule.visit.store.VisitDocument;
import com.huifang.schedule.visit.store.VisitMapping;
import com.huifang.schedule.visit.store.VisitStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Agents' absences: recording one hands the agent's visits of that day to colleagues with the same
 * per-window capacity as a new visit's assignment; removing one cancels it (before the day) or ends
 * it now (on the day) and gives the not-yet-started visits of same-agent plans back to the agent.
 */
@Service
public class Absences {

    private final ReactiveMongoTemplate mongo;
    private final VisitPlanning planning;
    private final PlanCatalog plans;
    private final AuditTrail auditTrail;
    private final Clock clock;
    private final Assigner assigner = new Assigner();

    public Absences(ReactiveMongoTemplate mongo, VisitPlanning planning, PlanCatalog plans, AuditTrail auditTrail, Clock clock) {
        this.mongo = mongo;
        this.planning = planning;
        this.plans = plans;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** One visit's hand-over: to whom (null = the team's queue), from which time, and why. */
    public record HandedOver(String visitId, String agentId, Instant tryFrom, String reason) {
    }

    /** The result of removing an absence. */
    public record Removed(String agentId, LocalDate date, AbsenceRemoval.Outcome outcome, Instant endedAt,
                          List<String> returnedToAgent, List<String> keptByColleague) {
    }

    /**
     * Records the absence (audited in the team's write) and hands over the agent's open visits whose
     * next try falls on that day — and, when the day is today, those already overdue — priority
     * first, then by time.
     */
    public Mono<List<HandedOver>> record(AuditActor actor, String tenantId, String teamId, String agentId,
                                         LocalDate date, String reason, TenantCalendar calendar) {
        LocalDate today = calendar.workingDays().localDate(clock.instant());
        return Mono.defer(() -> team(tenantId, teamId).flatMap(team -> {
                    if (team.agents.stream().noneMatch(a -> a.id().equals(agentId))) {
                        return Mono.error(ApiProblem.notFound("agent", agentId));
                    }
                    List<TeamDocument.AgentRecord> agents = new ArrayList<>();
                    for (TeamDocument.AgentRecord a : team.agents) {
                        if (a.id().equals(agentId) && !a.absences().contains(date)) {
                            List<LocalDate> absences = new ArrayList<>(a.absences());
                            absences.add(date);
                            a = new TeamDocument.AgentRecord(a.id(), a.workingDays(), absences, a.capacityPerWindow());
                        }
                        agents.add(a);
                    }
                    Map<String, String> before = Map.of("agent", agentId, "absences", absences(team.agents, agentId));
                    team.agents = agents;
                    team.handOvers = new ArrayList<>(team.handOvers == null ? List.of()
                            : team.handOvers.stream().filter(h -> !h.date().isBefore(today)).toList());
                    AuditDraft draft = AuditDraft.by(actor, tenantId)
                            .action("agent.absence.recorded").target("agent", teamId + "/" + agentId)
                            .before(before).after(Map.of("agent", agentId, "absences", absences(agents, agentId)))
                            .reason(reason).build();
                    return auditTrail.entry(draft).flatMap(entry -> {
                        team.outbox.add(entry);
                        return mongo.save(team);
                    });
                }))
                .retryWhen(Retry.max(3).filter(OptimisticLockingFailureException.class::isInstance))
                .flatMap(team -> handOver(actor, tenantId, team, agentId, date, today, reason, calendar));
    }

    private Mono<TeamDocument> team(String tenantId, String teamId) {
        return mongo.findById(TeamDocument.idOf(tenantId, teamId), TeamDocument.class)
                .filter(t -> tenantId.equals(t.tenantId))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("team", teamId)));
    }

    private Mono<List<HandedOver>> handOver(AuditActor actor, String tenantId, TeamDocument team, String agentId, LocalDate date,
                                            LocalDate today, String reason, TenantCalendar calendar) {
        Instant dayStart = startOf(date, calendar);
        Instant dayEnd = startOf(date.plusDays(1), calendar);
        boolean isToday = date.equals(today);
        Query mine = Query.query(Criteria.where("tenantId").is(tenantId).and("assigneeId").is(agentId)
                .and("state").in(VisitStore.OPEN).and("dueAt").lt(dayEnd));
        return mongo.find(mine, VisitDocument.class)
                .filter(v -> {
                    Instant t = nextTry(v);
                    return t.isBefore(dayEnd) && (isToday || !t.isBefore(dayStart));
                })
                .sort(Comparator.comparingInt((VisitDocument v) -> v.priority).thenComparing(Absences::nextTry)
                        .thenComparing(v -> v.id))
                .collectList()
                .flatMap(visits -> {
                    if (visits.isEmpty()) {
                        return Mono.just(List.<HandedOver>of());
                    }
                    Instant now = clock.instant();
                    List<Assigner.HandOverVisit> requests = visits.stream().map(v -> handOverVisit(v, calendar, now)).toList();
                    CallingTimes agentWindows = new CallingTimes(calendar.workingDays(), calendar.callingWindows(), false);
                    Function<Instant, String> windowOf = t -> windowKey(t, agentWindows);
                    Instant from = requests.stream().flatMap(r -> r.slots().stream()).min(Comparator.naturalOrder()).orElseThrow();
                    Instant to = requests.stream().flatMap(r -> r.slots().stream()).max(Comparator.naturalOrder()).orElseThrow();
                    return windowLoads(tenantId, team, agentId, startOf(calendar.workingDays().localDate(from), calendar),
                            startOf(calendar.workingDays().localDate(to).plusDays(1), calendar), windowOf)
                            .flatMap(load -> apply(actor, tenantId, team, agentId, date, reason, requests,
                                    assigner.passOnFromAbsent(agentId, requests, Assignments.agents(team), load, windowOf,
                                            calendar.workingDays())));
                });
    }

    private Mono<List<HandedOver>> apply(AuditActor actor, String tenantId, TeamDocument team, String agentId, LocalDate date,
                                         String reason, List<Assigner.HandOverVisit> requests,
                                         List<Assigner.WindowedDecision> decisions) {
        Instant now = clock.instant();
        // taken in its first window: its time stays (an overdue visit stays overdue); a later window: moved there
        Map<String, Instant> firstSlot = new HashMap<>();
        requests.forEach(r -> firstSlot.put(r.request().visitId(), r.slots().get(0)));
        Function<Assigner.WindowedDecision, Instant> movedTo = w -> w.dueAt().equals(firstSlot.get(w.decision().visitId()))
                ? null : w.dueAt();
        Map<String, Instant> ownTime = new HashMap<>();
        requests.forEach(r -> ownTime.put(r.request().visitId(), r.request().dueAt()));
        List<TeamDocument.HandOverRecord> records = new ArrayList<>();
        return CorrelationId.current().defaultIfEmpty("none").flatMap(cid -> Flux.fromIterable(decisions)
                        .filter(w -> w.decision().assigned())
                        .concatMap(w -> {
                            AssignmentDecision d = w.decision();
                            records.add(new TeamDocument.HandOverRecord(agentId, date, d.visitId(), d.agentId()));
                            return planning.change(tenantId, d.visitId(),
                                    v -> v.handOver(d.agentId(), movedTo.apply(w), d.reason(), now), cid,
                                    (before, after) -> AuditDraft.by(actor, tenantId)
                                            .action("visit.reassigned").target("visit", d.visitId())
                                            .before(Map.of("assigneeId", String.valueOf(before)))
                                            .after(Map.of("assigneeId", String.valueOf(after)))
                                            .reason(agentId + " absent " + date + (reason == null ? "" : ": " + reason)).build());
                        })
                        .then(Mono.defer(() -> records.isEmpty() ? Mono.empty()
                                : mongo.updateFirst(Query.query(Criteria.where("_id").is(team.id)),
                                        new Update().push("handOvers").each(records.toArray()).inc("version", 1),
                                        TeamDocument.class))))
                .thenReturn(decisions.stream().map(w -> {
                    Instant moved = w.decision().assigned() ? movedTo.apply(w) : null;
                    return new HandedOver(w.decision().visitId(), w.decision().agentId(),
                            moved != null ? moved : ownTime.get(w.decision().visitId()), w.decision().reason());
                }).toList());
    }

    /**
     * Removes the absence of {@code date}: 404 when not recorded, 409 when the day is over. The
     * visits handed over for it that nobody started and whose plan keeps the same agent go back to
     * the agent; the others stay with the colleague.
     */
    public Mono<Removed> remove(AuditActor actor, String tenantId, String teamId, String agentId, LocalDate date,
                                String reason, TenantCalendar calendar) {
        Instant now = clock.instant();
        LocalDate today = calendar.workingDays().localDate(now);
        List<TeamDocument.HandOverRecord> handedOver = new ArrayList<>();
        return Mono.defer(() -> team(tenantId, teamId)
                        .flatMap(team -> {
                            TeamDocument.AgentRecord agent = team.agents.stream().filter(a -> a.id().equals(agentId))
                                    .findFirst().orElseThrow(() -> ApiProblem.notFound("agent", agentId));
                            if (agent.absences() == null || !agent.absences().contains(date)) {
                                throw ApiProblem.notFound("absence", agentId + " " + date);
                            }
                            AbsenceRemoval.Outcome outcome;
                            try {
                                outcome = AbsenceRemoval.of(date, today);
                            } catch (AbsenceRemoval.AbsenceOverException over) {
                                throw ApiProblem.conflict("absence-over", "schedule.absence.over", date, today);
                            }
                            Map<String, String> before = Map.of("agent", agentId, "absences", absences(team.agents, agentId));
                            team.agents = team.agents.stream().map(a -> a.id().equals(agentId)
                                    ? new TeamDocument.AgentRecord(a.id(), a.workingDays(),
                                    a.absences().stream().filter(d -> !d.equals(date)).toList(), a.capacityPerWindow())
                                    : a).toList();
                            List<TeamDocument.HandOverRecord> all = team.handOvers == null ? List.of() : team.handOvers;
                            handedOver.clear();
                            handedOver.addAll(all.stream().filter(h -> h.agentId().equals(agentId) && h.date().equals(date)).toList());
                            team.handOvers = new ArrayList<>(all.stream().filter(h -> !handedOver.contains(h)).toList());
                            Map<String, String> after = new LinkedHashMap<>();
                            after.put("agent", agentId);
                            after.put("absences", absences(team.agents, agentId));
                            after.put("removed", date.toString());
                            after.put("outcome", outcome.name());
                            if (outcome == AbsenceRemoval.Outcome.ENDED_EARLY) {
                                after.put("endedAt", now.toString());
                            }
                            AuditDraft draft = AuditDraft.by(actor, tenantId)
                                    .action("agent.absence.removed").target("agent", teamId + "/" + agentId)
                                    .before(before).after(after).reason(reason).build();
                            return auditTrail.entry(draft).flatMap(entry -> {
                                team.outbox.add(entry);
                                return mongo.save(team);
                            }).thenReturn(outcome);
                        }))
                .retryWhen(Retry.max(3).filter(OptimisticLockingFailureException.class::isInstance))
                .flatMap(outcome -> giveBack(actor, tenantId, agentId, date, handedOver)
                        .map(returned -> new Removed(agentId, date, outcome,
                                outcome == AbsenceRemoval.Outcome.ENDED_EARLY ? now : null, returned,
                                handedOver.stream().map(TeamDocument.HandOverRecord::visitId)
                                        .filter(id -> !returned.contains(id)).toList())));
    }

    private Mono<List<String>> giveBack(AuditActor actor, String tenantId, String agentId, LocalDate date,
                                        List<TeamDocument.HandOverRecord> handedOver) {
        if (handedOver.isEmpty()) {
            return Mono.just(List.of());
        }
        Map<String, String> handedTo = new HashMap<>();
        handedOver.forEach(h -> handedTo.put(h.visitId(), h.toAgentId()));
        Instant now = clock.instant();
        return CorrelationId.current().defaultIfEmpty("none").flatMap(cid -> mongo.find(Query.query(Criteria.where("tenantId")
                                .is(tenantId).and("_id").in(handedTo.keySet())), VisitDocument.class)
                .sort(Comparator.comparing(v -> v.id))
                .concatMap(v -> policy(tenantId, v).map(p -> p.name()).defaultIfEmpty("")
                        .filter(p -> AbsenceRemoval.returnsToAgent(new AbsenceRemoval.HandedOverVisit(v.id, handedTo.get(v.id),
                                v.assigneeId, VisitStore.OPEN.contains(v.state),
                                "IN_PROGRESS".equals(v.state) || (v.attempts != null && !v.attempts.isEmpty()),
                                p.isEmpty() ? null : AssignmentPolicy.Kind.valueOf(p),
                                v.staffIds != null && v.staffIds.contains(agentId))))
                        .flatMap(p -> planning.change(tenantId, v.id,
                                visit -> visit.assignTo(agentId, "absence of " + date + " removed: back to the same agent", now), cid,
                                (before, after) -> AuditDraft.by(actor, tenantId)
                                        .action("visit.reassigned").target("visit", v.id)
                                        .before(Map.of("assigneeId", String.valueOf(before)))
                                        .after(Map.of("assigneeId", String.valueOf(after)))
                                        .reason("absence of " + agentId + " on " + date + " removed").build())
                                .thenReturn(v.id)))
                .collectList());
    }

    /** The assignment policy of the plan version the visit was planned with (empty when the plan is unknown). */
    private Mono<AssignmentPolicy.Kind> policy(String tenantId, VisitDocument v) {
        return plans.version(tenantId, v.planId, v.planVersion)
                .mapNotNull(p -> p.assignment() == null ? null : p.assignment().kind())
                .onErrorResume(ApiProblem.class, e -> Mono.empty());
    }

    /**
     * The visit's windows to try: from its next try — or, when that has passed, from the calling
     * window open now (a window already over has no capacity left to give) — then the following
     * windows up to its deadline; only its own time when the customer chose it.
     */
    private static Assigner.HandOverVisit handOverVisit(VisitDocument v, TenantCalendar calendar, Instant now) {
        CallingTimes times = new CallingTimes(calendar.workingDays(),
                v.windows == null ? calendar.callingWindows() : VisitMapping.windows(v.windows), v.allowNonWorkingDays);
        boolean customerTime = v.callbackAt != null
                || (v.explanation != null && v.explanation.stream().anyMatch(l -> l.startsWith("customer asked")));
        Instant t = nextTry(v);
        Instant from = t;
        if (t.isBefore(now) && !customerTime) {
            try {
                from = times.firstSlotOnOrAfter(now);
            } catch (RuntimeException beyondTheCalendar) {
                from = t;
            }
        }
        return new Assigner.HandOverVisit(new AssignmentRequest(v.id, v.customerId, t, null,
                new HashSet<>(v.staffIds == null ? List.of() : v.staffIds)),
                Assignments.slots(times, from, v.deadlineAt, customerTime ? 1 : Assignments.MAX_WINDOWS_TRIED));
    }

    /** The colleagues' open visits per calling window (by the time of their next try) and agent. */
    private Mono<Map<String, Map<String, Integer>>> windowLoads(String tenantId, TeamDocument team, String absentAgentId,
                                                                Instant from, Instant to, Function<Instant, String> windowOf) {
        List<String> colleagues = team.agents.stream().map(TeamDocument.AgentRecord::id).filter(id -> !id.equals(absentAgentId)).toList();
        Query q = Query.query(Criteria.where("tenantId").is(tenantId).and("assigneeId").in(colleagues)
                .and("state").in(VisitStore.OPEN).and("dueAt").lt(to)
                .orOperator(Criteria.where("dueAt").gte(from), Criteria.where("nextAttemptAt").gte(from)));
        q.fields().include("assigneeId").include("dueAt").include("nextAttemptAt");
        return mongo.find(q, VisitDocument.class)
                .filter(v -> !nextTry(v).isBefore(from) && nextTry(v).isBefore(to))
                .collect(() -> new HashMap<String, Map<String, Integer>>(), (m, v) -> m
                        .computeIfAbsent(windowOf.apply(nextTry(v)), k -> new HashMap<>()).merge(v.assigneeId, 1, Integer::sum))
                .map(m -> (Map<String, Map<String, Integer>>) m);
    }

    static Instant nextTry(VisitDocument v) {
        return v.nextAttemptAt != null ? v.nextAttemptAt : v.dueAt;
    }

    private static String windowKey(Instant t, CallingTimes times) {
        return LocalDateTime.ofInstant(t, times.zone()).toLocalDate() + "#" + times.windowIndex(t);
    }

    private static Instant startOf(LocalDate day, TenantCalendar calendar) {
        return ZonedDateTime.of(day.atStartOfDay(), calendar.zone()).toInstant();
    }

    static String absences(List<TeamDocument.AgentRecord> agents, String agentId) {
        return agents.stream().filter(a -> a.id().equals(agentId)).findFirst()
                .map(a -> String.join(",", a.absences().stream().sorted().map(LocalDate::toString).toList())).orElse("");
    }
}
