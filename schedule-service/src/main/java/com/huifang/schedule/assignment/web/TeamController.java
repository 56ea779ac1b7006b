package com.huifang.schedule.assignment.web;

import com.huifang.platform.audit.AuditActor;
import com.huifang.platform.audit.AuditDraft;
import com.huifang.platform.audit.AuditTrail;
import com.huifang.platform.correlation.CorrelationId;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.security.Caller;
import com.huifang.platform.security.Role;
import com.huifang.schedule.assignment.Assignments;
import com.huifang.schedule.assignment.domain.AssignmentDecision;
import com.huifang.schedule.assignment.domain.AssignmentRequest;
import com.huifang.schedule.assignment.domain.Assigner;
import com.huifang.schedule.assignment.store.TeamDocument;
import com.huifang.schedule.calendar.TenantCalendars;
import com.huifang.schedule.calendar.UnknownYears;
import com.huifang.schedule.visit.VisitPlanning;
import com.huifang.schedule.visit.store.VisitDocument;
import com.huifang.schedule.visit.store.VisitStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

@RestController
@RequestMapping("/api/teams")
@Tag(name = "Teams")
public class TeamController {

    private final ReactiveMongoTemplate mongo;
    private final Assignments assignments;
    private final VisitPlanning planning;
    private final TenantCalendars calendars;
    private final UnknownYears unknownYears;
    private final Clock clock;
    private final AuditTrail auditTrail;
    private final Assigner assigner = new Assigner();

    public TeamController(ReactiveMongoTemplate mongo, Assignments assignments, VisitPlanning planning,
                          TenantCalendars calendars, UnknownYears unknownYears, AuditTrail auditTrail, Clock clock) {
        this.auditTrail = auditTrail;
        this.mongo = mongo;
        this.assignments = assignments;
        this.planning = planning;
        this.calendars = calendars;
        this.unknownYears = unknownYears;
        this.clock = clock;
    }

    public record AgentBody(@NotBlank @Size(max = 64) String id,
                            List<@Pattern(regexp = "MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY") String> workingDays,
                            List<LocalDate> absences,
                            @Min(1) @Max(1000) int capacityPerWindow) {
    }

    public record TeamBody(@NotBlank @Size(max = 200) String name, @NotNull @Size(max = 500) List<@Valid AgentBody> agents) {
    }

    public record TeamView(String id, String name, List<AgentBody> agents) {
    }

    public record AbsenceBody(@NotNull LocalDate date, @Size(max = 500) String reason) {
    }

    public record HandOver(String absentAgentId, LocalDate date, List<AssignmentDecision> decisions) {
    }

    @GetMapping
    @Operation(summary = "The tenant's teams")
    public Flux<TeamView> list(Caller caller) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(caller.tenantId())).with(Sort.by("teamId")),
                TeamDocument.class).map(TeamController::view);
    }

    @GetMapping("/{id}")
    public Mono<TeamView> get(Caller caller, @PathVariable String id) {
        return team(caller, id).map(TeamController::view);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Create or replace a team and its agents (SUPERVISOR, ADMIN)")
    public Mono<TeamView> put(Caller caller, @PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String id,
                              @Valid @RequestBody TeamBody body) {
        requireSupervisor(caller);
        return Mono.defer(() -> mongo.findById(TeamDocument.idOf(caller.tenantId(), id), TeamDocument.class)
                        .defaultIfEmpty(new TeamDocument())
                        .flatMap(doc -> {
                            boolean created = doc.id == null;
                            Map<String, String> before = created ? Map.of() : summary(doc);
                            doc.id = TeamDocument.idOf(caller.tenantId(), id);
                            doc.tenantId = caller.tenantId();
                            doc.teamId = id;
                            doc.name = body.name();
                            doc.agents = body.agents().stream().map(a -> new TeamDocument.AgentRecord(a.id(),
                                    a.workingDays() == null ? List.of() : a.workingDays(),
                                    a.absences() == null ? List.of() : a.absences(), a.capacityPerWindow())).toList();
                            AuditDraft draft = AuditDraft.by(AuditActor.of(caller), caller.tenantId())
                                    .action(created ? "team.created" : "team.changed").target("team", id)
                                    .before(before).after(summary(doc)).build();
                            return auditTrail.entry(draft).flatMap(entry -> {
                                doc.outbox.add(entry);
                                return mongo.save(doc);
                            });
                        }))
                .retryWhen(Retry.max(3).filter(OptimisticLockingFailureException.class::isInstance))
                .map(TeamController::view);
    }

    /**
     * Marks an agent absent on a day and passes their open visits due that day (or earlier) to
     * colleagues, least loaded first, never to the staff whose work is checked.
     */
    @PostMapping("/{id}/agents/{agentId}/absences")
    @Operation(summary = "Record an agent's absence; their open visits pass to colleagues (SUPERVISOR, ADMIN)")
    public Mono<HandOver> absent(Caller caller, @PathVariable String id, @PathVariable String agentId,
                                 @Valid @RequestBody AbsenceBody body) {
        requireSupervisor(caller);
        return unknownYears.report(Mono.defer(() -> team(caller, id).flatMap(team -> {
                    if (team.agents.stream().noneMatch(a -> a.id().equals(agentId))) {
                        return Mono.error(ApiProblem.notFound("agent", agentId));
                    }
                    List<TeamDocument.AgentRecord> agents = new ArrayList<>();
                    for (TeamDocument.AgentRecord a : team.agents) {
                        if (a.id().equals(agentId) && !a.absences().contains(body.date())) {
                            List<LocalDate> absences = new ArrayList<>(a.absences());
                            absences.add(body.date());
                            a = new TeamDocument.AgentRecord(a.id(), a.workingDays(), absences, a.capacityPerWindow());
                        }
                        agents.add(a);
                    }
                    Map<String, String> before = Map.of("agent", agentId, "absences", absences(team.agents, agentId));
                    team.agents = agents;
                    AuditDraft draft = AuditDraft.by(AuditActor.of(caller), caller.tenantId())
                            .action("agent.absence.recorded").target("agent", id + "/" + agentId)
                            .before(before).after(Map.of("agent", agentId, "absences", absences(agents, agentId)))
                            .reason(body.reason()).build();
                    return auditTrail.entry(draft).flatMap(entry -> {
                        team.outbox.add(entry);
                        return mongo.save(team);
                    });
                }))
                .retryWhen(Retry.max(3).filter(OptimisticLockingFailureException.class::isInstance))
                .flatMap(team -> calendars.of(caller.tenantId()).flatMap(calendar -> {
                    var end = ZonedDateTime.of(body.date().plusDays(1).atStartOfDay(), calendar.zone()).toInstant();
                    return mongo.find(Query.query(Criteria.where("tenantId").is(caller.tenantId()).and("assigneeId").is(agentId)
                                    .and("state").in(VisitStore.OPEN).and("dueAt").lt(end)).with(Sort.by("dueAt")), VisitDocument.class)
                            .collectList()
                            .zipWith(assignments.load(caller.tenantId(), team, end.minusSeconds(1), calendar))
                            .flatMap(t -> {
                                List<AssignmentRequest> requests = t.getT1().stream().map(v -> new AssignmentRequest(v.id,
                                        v.customerId, v.dueAt, null, new HashSet<>(v.staffIds))).toList();
                                List<AssignmentDecision> decisions = assigner.passOnFromAbsent(agentId, requests,
                                        Assignments.agents(team), t.getT2(), calendar.workingDays());
                                return CorrelationId.current().flatMapMany(cid -> Flux.fromIterable(decisions)
                                                .filter(AssignmentDecision::assigned)
                                                .concatMap(d -> planning.change(caller.tenantId(), d.visitId(),
                                                        v -> v.assignTo(d.agentId(), d.reason(), clock.instant()), cid,
                                                        (before, after) -> AuditDraft.by(AuditActor.of(caller), caller.tenantId())
                                                                .action("visit.reassigned").target("visit", d.visitId())
                                                                .before(Map.of("assigneeId", String.valueOf(before)))
                                                                .after(Map.of("assigneeId", String.valueOf(after)))
                                                                .reason(agentId + " absent " + body.date()).build())))
                                        .then(Mono.just(new HandOver(agentId, body.date(), decisions)));
                            });
                })));
    }

    private Mono<TeamDocument> team(Caller caller, String id) {
        return mongo.findById(TeamDocument.idOf(caller.tenantId(), id), TeamDocument.class)
                .filter(t -> caller.tenantId().equals(t.tenantId))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("team", id)));
    }

    /** What an audit entry says of a team: its name and each agent's id, capacity and days (no personal data). */
    private static Map<String, String> summary(TeamDocument t) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", t.name);
        m.put("agents", String.join(",", t.agents.stream().map(a -> a.id() + "(capacity " + a.capacityPerWindow()
                + (a.workingDays() == null || a.workingDays().isEmpty() ? "" : ", " + String.join("/", a.workingDays())) + ")")
                .toList()));
        return m;
    }

    private static String absences(List<TeamDocument.AgentRecord> agents, String agentId) {
        return agents.stream().filter(a -> a.id().equals(agentId)).findFirst()
                .map(a -> String.join(",", a.absences().stream().sorted().map(LocalDate::toString).toList())).orElse("");
    }

    private static TeamView view(TeamDocument t) {
        return new TeamView(t.teamId, t.name, t.agents.stream().map(a -> new AgentBody(a.id(), a.workingDays(),
                a.absences(), a.capacityPerWindow())).toList());
    }

    private static void requireSupervisor(Caller caller) {
        if (!caller.hasAnyRole(Role.SUPERVISOR, Role.ADMIN)) {
            throw ApiProblem.forbidden("schedule.team.supervisors-only");
        }
    }
}
