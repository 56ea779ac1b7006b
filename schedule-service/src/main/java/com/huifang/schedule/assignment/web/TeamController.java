package com.huifang.schedule.assignment.web;

import com.huifang.platform.audit.AuditActor;
import com.huifang.platform.audit.AuditDraft;
import com.huifang.platform.audit.AuditTrail;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.security.Caller;
import com.huifang.platform.security.Role;
import com.huifang.schedule.assignment.Absences;
import com.huifang.schedule.assignment.store.TeamDocument;
import com.huifang.schedule.calendar.TenantCalendars;
import com.huifang.schedule.calendar.UnknownYears;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
    private final TenantCalendars calendars;
    private final UnknownYears unknownYears;
    private final AuditTrail auditTrail;
    private final Absences absences;

    public TeamController(ReactiveMongoTemplate mongo, Absences absences, TenantCalendars calendars,
                          UnknownYears unknownYears, AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
        this.mongo = mongo;
        this.absences = absences;
        this.calendars = calendars;
        this.unknownYears = unknownYears;
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

    public record HandOver(String absentAgentId, LocalDate date, List<Absences.HandedOver> decisions) {
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
     * Marks an agent absent on a day and hands their visits of that day (and, for today, the overdue
     * ones) to colleagues with the per-window capacity of any assignment: a colleague full in the
     * visit's calling window takes it in a later window, or another colleague takes it; nobody with
     * room before the deadline → it stays in the team's queue. Never to the staff whose work is checked.
     */
    @PostMapping("/{id}/agents/{agentId}/absences")
    @Operation(summary = "Record an agent's absence; their visits of the day pass to colleagues (SUPERVISOR, ADMIN)",
            description = "Each of the agent's open visits whose next try falls on the day (today: also the overdue ones) "
                    + "goes to the least loaded colleague with room in its calling window (capacityPerWindow, the same "
                    + "count as a new visit's assignment); when every colleague is full, away or conflicted there, the "
                    + "first later window before the visit's deadline where one has room (its next try moves there); "
                    + "a customer's own call-back time is never moved. No room anywhere: the visit stays unassigned "
                    + "in the team's queue. Audited: agent.absence.recorded and one visit.reassigned per visit.")
    public Mono<HandOver> absent(Caller caller, @PathVariable String id, @PathVariable String agentId,
                                 @Valid @RequestBody AbsenceBody body) {
        requireSupervisor(caller);
        return unknownYears.report(calendars.of(caller.tenantId())
                .flatMap(calendar -> absences.record(AuditActor.of(caller), caller.tenantId(), id, agentId, body.date(),
                        body.reason(), calendar))
                .map(decisions -> new HandOver(agentId, body.date(), decisions)));
    }

    /**
     * Removes an absence: cancelled before its day, ended now on the day itself; a day already over
     * is history (409).
     */
    @DeleteMapping("/{id}/agents/{agentId}/absences/{date}")
    @Operation(summary = "Remove (cancel, or end now) an agent's absence (SUPERVISOR, ADMIN)",
            description = "Before the day: the absence is cancelled. On the day: it ends now and the agent is back "
                    + "(their queue and worklist from now). A day already over cannot be removed (409); an absence "
                    + "not recorded, or another tenant's, is 404. Visits handed over for this absence: those nobody "
                    + "has started (no attempt, not in progress) go back to the agent only when their plan's "
                    + "assignment policy is SAME_AGENT (原咨询师接回: the customer's own agent is back) and the "
                    + "colleague still holds them; every other visit stays with the colleague who took it (their "
                    + "day is already planned around it). Audited: agent.absence.removed (absences before/after, "
                    + "outcome, endedAt) and one visit.reassigned per visit given back.")
    public Mono<Absences.Removed> removeAbsence(Caller caller, @PathVariable String id, @PathVariable String agentId,
                                                @PathVariable LocalDate date,
                                                @RequestParam(required = false) @Size(max = 500) String reason) {
        requireSupervisor(caller);
        return unknownYears.report(calendars.of(caller.tenantId())
                .flatMap(calendar -> absences.remove(AuditActor.of(caller), caller.tenantId(), id, agentId, date,
                        reason, calendar)));
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
