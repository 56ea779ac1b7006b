package com.huifang.schedule.worklist.web;

import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.security.Caller;
import com.huifang.platform.security.Role;
import com.huifang.schedule.assignment.domain.Worklist;
import com.huifang.schedule.assignment.domain.WorklistItem;
import com.huifang.schedule.assignment.store.TeamDocument;
import com.huifang.schedule.calendar.TenantCalendars;
import com.huifang.schedule.customer.CustomerCopies;
import com.huifang.schedule.customer.store.CustomerCopyDocument;
import com.huifang.schedule.visit.store.VisitDocument;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/worklist")
@Tag(name = "Worklist")
@Validated
public class WorklistController {

    private static final List<String> WORKABLE = List.of("DUE", "IN_PROGRESS");

    private final ReactiveMongoTemplate mongo;
    private final CustomerCopies customers;
    private final TenantCalendars calendars;
    private final Clock clock;

    public WorklistController(ReactiveMongoTemplate mongo, CustomerCopies customers, TenantCalendars calendars, Clock clock) {
        this.mongo = mongo;
        this.customers = customers;
        this.calendars = calendars;
        this.clock = clock;
    }

    /**
     * One line of a worklist.
     *
     * @param dueAt       when the next try is due (a retry or call-back time, else the visit's due time)
     * @param salutation  how the script addresses the customer ("张先生"), from the customer copy; null if none yet
     * @param maskedPhone the customer's phone, masked (138****1234); revealing it is customer-service's audited call
     * @param scriptLink  the survey template (script) to open for the call
     */
    public record WorklistEntry(String id, String customerId, String salutation, String maskedPhone, String preferredChannel,
                                String planId, String stage, String state, int priority,
                                Instant dueAt, Instant deadlineAt, boolean deadlineAtRisk, String channel, String teamId,
                                String assigneeId, Instant callbackAt, int attempts, String surveyTemplateId,
                                String scriptLink, String issueId) {
    }

    @GetMapping
    @Operation(summary = "The caller's visits due now: their own, the unassigned ones of their teams' queues (or the "
            + "tenant queue), those of team colleagues away today, and colleagues' call-backs released after the plan's "
            + "minutes; priority then due time, with the salutation, the masked contact and the script link")
    public Flux<WorklistEntry> worklist(Caller caller, @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Instant now = clock.instant();
        return Mono.zip(teams(caller.tenantId()).collectList(), calendars.of(caller.tenantId()))
                .flatMapMany(t -> {
                    LocalDate today = LocalDateTime.ofInstant(now, t.getT2().zone()).toLocalDate();
                    Set<String> mine = new HashSet<>();
                    Set<String> absent = new HashSet<>();
                    for (TeamDocument team : t.getT1()) {
                        if (team.agents.stream().anyMatch(a -> a.id().equals(caller.userId()))) {
                            mine.add(team.teamId);
                            team.agents.stream().filter(a -> a.absences() != null && a.absences().contains(today))
                                    .forEach(a -> absent.add(a.id()));
                        }
                    }
                    absent.remove(caller.userId());
                    Worklist.AgentScope scope = new Worklist.AgentScope(caller.userId(), mine, absent);
                    Criteria queues = new Criteria().orOperator(
                            Criteria.where("assigneeId").is(caller.userId()),
                            Criteria.where("callbackAgentId").is(caller.userId()),
                            Criteria.where("teamId").is(null),
                            Criteria.where("teamId").in(mine));
                    return entries(Query.query(Criteria.where("tenantId").is(caller.tenantId()).and("state").in(WORKABLE)
                                    .andOperator(queues)).limit(5000), caller.tenantId(),
                            items -> Worklist.forAgent(scope, items, now), limit);
                });
    }

    @GetMapping("/teams/{teamId}")
    @Operation(summary = "A team's visits due now, whoever holds them, priority then due time (SUPERVISOR, ADMIN)")
    public Flux<WorklistEntry> team(Caller caller, @PathVariable String teamId,
                                    @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        if (!caller.hasAnyRole(Role.SUPERVISOR, Role.ADMIN)) {
            return Flux.error(ApiProblem.forbidden("schedule.worklist.supervisors-only"));
        }
        Instant now = clock.instant();
        return mongo.findById(TeamDocument.idOf(caller.tenantId(), teamId), TeamDocument.class)
                .filter(t -> caller.tenantId().equals(t.tenantId))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("team", teamId)))
                .flatMapMany(team -> entries(Query.query(Criteria.where("tenantId").is(caller.tenantId())
                                .and("teamId").is(teamId).and("state").in(WORKABLE)).limit(5000), caller.tenantId(),
                        items -> Worklist.forTeam(teamId, items, now), limit));
    }

    private Flux<TeamDocument> teams(String tenantId) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId)), TeamDocument.class);
    }

    private Flux<WorklistEntry> entries(Query query, String tenantId, Function<List<WorklistItem>, List<WorklistItem>> select,
                                        int limit) {
        return mongo.find(query, VisitDocument.class).collectList().flatMapMany(docs -> {
            Map<String, VisitDocument> byId = docs.stream().collect(Collectors.toMap(d -> d.id, Function.identity()));
            List<WorklistItem> chosen = select.apply(docs.stream().map(WorklistController::item).toList()).stream()
                    .limit(limit).toList();
            List<String> customerIds = chosen.stream().map(i -> byId.get(i.visitId()).customerId).toList();
            return customers.copies(tenantId, customerIds).flatMapMany(copies -> Flux.fromIterable(chosen)
                    .map(i -> {
                        VisitDocument d = byId.get(i.visitId());
                        return entry(d, i, copies.get(d.customerId));
                    }));
        });
    }

    private static WorklistItem item(VisitDocument d) {
        return new WorklistItem(d.id, d.priority, d.nextAttemptAt != null ? d.nextAttemptAt : d.dueAt, d.teamId, d.assigneeId,
                d.callbackAgentId, d.callbackAt, d.callbackReleaseMinutes);
    }

    private static WorklistEntry entry(VisitDocument d, WorklistItem i, CustomerCopyDocument c) {
        return new WorklistEntry(d.id, d.customerId, c == null ? null : c.salutation, c == null ? null : c.maskedPhone,
                c == null ? null : c.preferredChannel, d.planId, d.stage, d.state, d.priority, i.dueAt(), d.deadlineAt,
                d.deadlineAtRisk, d.channel, d.teamId, d.assigneeId, d.callbackAt, d.attempts.size(), d.surveyTemplateId,
                d.surveyTemplateId == null ? null : "/api/surveys/templates/" + d.surveyTemplateId, d.issueId);
    }
}
