package com.huifang.feedback.issue.web;

import com.huifang.feedback.issue.IssueWorkflow;
import com.huifang.feedback.issue.domain.Actor;
import com.huifang.feedback.issue.domain.AuditRecord;
import com.huifang.feedback.issue.domain.Issue;
import com.huifang.feedback.issue.domain.IssueSource;
import com.huifang.feedback.issue.domain.RaiseIssue;
import com.huifang.feedback.issue.domain.Severity;
import com.huifang.feedback.issue.store.IssueDocument;
import com.huifang.feedback.issue.store.IssueStore;
import com.huifang.feedback.rules.TenantRules;
import com.huifang.feedback.sla.domain.SlaReading;
import com.huifang.feedback.sla.domain.SlaStatus;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.security.Caller;
import com.huifang.platform.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Issues: raise, act along the closed loop, read the audit trail, and the handlers' and supervisors' queries. */
@RestController
@RequestMapping("/api/issues")
@Tag(name = "Issues")
@Validated
public class IssueController {

    static final Role[] READERS = {Role.SUPERVISOR, Role.HANDLER, Role.ADMIN, Role.AUDITOR, Role.LEADERSHIP};
    static final Role[] WORKERS = {Role.SUPERVISOR, Role.HANDLER, Role.ADMIN, Role.LEADERSHIP};
    private static final Role[] RAISERS = {Role.SUPERVISOR, Role.HANDLER, Role.ADMIN, Role.AGENT, Role.PARTNER};
    private static final List<String> ACTIVE = List.of("OPEN", "ACKNOWLEDGED", "IN_PROGRESS");

    private final ReactiveMongoTemplate mongo;
    private final IssueWorkflow workflow;
    private final IssueStore store;
    private final TenantRules tenantRules;
    private final Clock clock;

    public IssueController(ReactiveMongoTemplate mongo, IssueWorkflow workflow, IssueStore store,
                           TenantRules tenantRules, Clock clock) {
        this.mongo = mongo;
        this.workflow = workflow;
        this.store = store;
        this.tenantRules = tenantRules;
        this.clock = clock;
    }

    public record AttachmentView(String id, String name, String contentType, long sizeBytes) {
    }

    public record IssueView(String id, String customerId, String visitId, String category, String severity,
                            String source, String description, String department, String ownerQueue, String ownerId,
                            List<String> staffIds, String state, String escalationLevel, boolean waitingOnCustomer,
                            String resolutionNote, LocalDate fixDate, LocalDate latestFixDate, int reopenCount,
                            String reContactVisitId, String reContactOutcome, List<AttachmentView> attachments,
                            List<String> allowed, Instant raisedAt, Long version) {

        static IssueView of(IssueDocument d) {
            Issue i = IssueStore.restore(d);
            return new IssueView(d.id, d.customerId, d.visitId, d.category, d.severity, d.source, d.description,
                    d.department, d.ownerQueue, d.ownerId, d.staffIds, d.state, d.escalationLevel, d.waitingOnCustomer,
                    i.resolutionNote().orElse(null), i.fixDate().orElse(null), i.latestFixDate().orElse(null),
                    i.reopenCount(), d.reContactVisitId, d.reContactOutcome,
                    i.attachments().stream().map(a -> new AttachmentView(a.id(), a.name(), a.contentType(), a.sizeBytes()))
                            .toList(),
                    IssueProblems.verbs(i.allowedActions()), d.raisedAt, d.version);
        }
    }

    public record SlaView(String id, String category, String department, String ownerId, String state,
                          List<SlaReading> readings) {
    }

    public record RaiseBody(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}") String category,
                            @Pattern(regexp = "NORMAL|MAJOR") String severity,
                            @NotBlank @Size(max = 4000) String description,
                            @NotBlank @Size(max = 64) String customerId,
                            @Size(max = 64) String visitId,
                            @Size(max = 20) List<@NotBlank @Size(max = 64) String> staffIds,
                            @Size(max = 128) String reference) {
    }

    public record NoteBody(@Size(max = 2000) String note) {
    }

    public record ResolveBody(@NotBlank @Size(max = 4000) String note, LocalDate fixDate) {
    }

    public record ReasonBody(@NotBlank @Size(max = 2000) String reason) {
    }

    public record AssignBody(@NotBlank @Size(max = 64) String ownerId) {
    }

    // ---- queries ----

    @GetMapping
    @Operation(summary = "Issues of the caller's tenant, newest first, by state, department, owner queue or staff member concerned")
    public Flux<IssueView> list(Caller caller,
                                @RequestParam(required = false) @Pattern(regexp = "[A-Z_]{1,32}") String state,
                                @RequestParam(required = false) @Size(max = 64) String department,
                                @RequestParam(required = false) @Size(max = 64) String ownerQueue,
                                @RequestParam(required = false) @Size(max = 64) String staffId,
                                @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        Criteria criteria = Criteria.where("tenantId").is(caller.tenantId());
        if (state != null) {
            criteria = criteria.and("state").is(state);
        }
        if (department != null) {
            criteria = criteria.and("department").is(department);
        }
        if (ownerQueue != null) {
            criteria = criteria.and("ownerQueue").is(ownerQueue);
        }
        if (staffId != null) {
            criteria = criteria.and("staffIds").is(staffId);
        }
        return find(caller, criteria, limit);
    }

    @GetMapping("/mine")
    @Operation(summary = "The caller's queue: unresolved issues they own")
    public Flux<IssueView> mine(Caller caller, @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return find(caller, Criteria.where("tenantId").is(caller.tenantId()).and("ownerId").is(caller.userId())
                .and("state").in(ACTIVE), limit);
    }

    @GetMapping("/overdue")
    @Operation(summary = "Unresolved issues with an SLA clock past its budget")
    public Flux<SlaView> overdue(Caller caller) {
        return readings(caller, r -> r.status() == SlaStatus.BREACHED);
    }

    @GetMapping("/at-risk")
    @Operation(summary = "Unresolved issues about to breach: an SLA clock past its warning threshold, not yet breached")
    public Flux<SlaView> atRisk(Caller caller) {
        return readings(caller, r -> r.status() == SlaStatus.AT_RISK);
    }

    @GetMapping("/staff-complaints")
    @Operation(summary = "Issues raised per staff member concerned (for complaint rates)")
    public Mono<Map<String, Long>> staffComplaints(Caller caller) {
        if (!caller.hasAnyRole(READERS)) {
            return Mono.error(ApiProblem.forbidden("problem.forbidden"));
        }
        var q = Query.query(Criteria.where("tenantId").is(caller.tenantId()).and("staffIds.0").exists(true));
        q.fields().include("staffIds");
        return mongo.find(q, IssueDocument.class)
                .reduce(new TreeMap<String, Long>(), (m, d) -> {
                    d.staffIds.forEach(s -> m.merge(s, 1L, Long::sum));
                    return m;
                })
                .map(m -> (Map<String, Long>) m);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One issue")
    public Mono<IssueView> get(Caller caller, @PathVariable String id) {
        return read(caller, id).map(IssueView::of);
    }

    @GetMapping("/{id}/sla")
    @Operation(summary = "The issue's SLA clocks now, in the tenant's calendar and business hours: budget, elapsed, due")
    public Mono<SlaView> sla(Caller caller, @PathVariable String id) {
        return read(caller, id).zipWith(tenantRules.forTenant(caller.tenantId()))
                .map(t -> new SlaView(t.getT1().id, t.getT1().category, t.getT1().department, t.getT1().ownerId,
                        t.getT1().state, t.getT2().escalation().readings(IssueStore.restore(t.getT1()), clock.instant())))
                .onErrorMap(IssueProblems::map);
    }

    @GetMapping("/{id}/audit")
    @Operation(summary = "Every action on the issue: who, in which role, when, from, to, why")
    public Flux<AuditRecord> audit(Caller caller, @PathVariable String id) {
        return read(caller, id).flatMapIterable(d -> IssueStore.restore(d).audit());
    }

    // ---- raising ----

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Raises an issue: an inbound complaint (staff), an agent during a visit, or a partner")
    public Mono<IssueView> raise(Caller caller, @Valid @RequestBody RaiseBody body) {
        if (!caller.hasAnyRole(RAISERS)) {
            return Mono.error(ApiProblem.forbidden("problem.forbidden"));
        }
        IssueSource source = caller.hasAnyRole(Role.SUPERVISOR, Role.HANDLER, Role.ADMIN) ? IssueSource.STAFF
                : caller.hasAnyRole(Role.AGENT) ? IssueSource.AGENT : IssueSource.PARTNER;
        if (source == IssueSource.AGENT && (body.visitId() == null || body.visitId().isBlank())) {
            return Mono.error(ApiProblem.invalidField("visitId", "NotBlank", "validation.NotBlank"));
        }
        String id = body.reference() == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(("issue:" + caller.tenantId() + ":" + source + ":" + body.reference())
                        .getBytes(StandardCharsets.UTF_8)).toString();
        var cmd = new RaiseIssue(id, caller.tenantId(), body.category(),
                body.severity() == null ? Severity.NORMAL : Severity.valueOf(body.severity()), source,
                body.description(), body.customerId(), Optional.ofNullable(body.visitId()),
                body.staffIds() == null ? List.of() : body.staffIds(), List.of(), actor(caller));
        return Mono.defer(() -> workflow.raise(cmd, null)).map(IssueView::of).onErrorMap(IssueProblems::map);
    }

    // ---- the closed loop ----

    @PostMapping("/{id}/acknowledge")
    @Operation(summary = "First answer to the customer (stops the first-response clock)")
    public Mono<IssueView> acknowledge(Caller caller, @PathVariable String id,
                                       @Valid @RequestBody(required = false) NoteBody body) {
        String note = body == null ? null : body.note();
        return act(caller, WORKERS, id, s -> s.issue().acknowledge(actor(caller), note, s.rules().clock(), s.now()));
    }

    @PostMapping("/{id}/start")
    @Operation(summary = "Work on the issue starts")
    public Mono<IssueView> start(Caller caller, @PathVariable String id) {
        return act(caller, WORKERS, id, s -> s.issue().start(actor(caller), s.now()));
    }

    @PostMapping("/{id}/resolve")
    @Operation(summary = "Resolves with a note (and a fix date where the category needs one); plans the re-contact visit")
    public Mono<IssueView> resolve(Caller caller, @PathVariable String id, @Valid @RequestBody ResolveBody body) {
        return act(caller, WORKERS, id, s -> s.issue().resolve(actor(caller), body.note(),
                Optional.ofNullable(body.fixDate()), s.rules().clock(), s.now()));
    }

    @PostMapping("/{id}/wait")
    @Operation(summary = "Waiting on the customer: the SLA clocks pause")
    public Mono<IssueView> waitOnCustomer(Caller caller, @PathVariable String id, @Valid @RequestBody ReasonBody body) {
        return act(caller, WORKERS, id, s -> s.issue().waitOnCustomer(actor(caller), body.reason(), s.now()));
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "The customer replied: the SLA clocks run again")
    public Mono<IssueView> resume(Caller caller, @PathVariable String id) {
        return act(caller, WORKERS, id, s -> s.issue().customerReplied(actor(caller), s.now()));
    }

    @PostMapping("/{id}/waive")
    @Operation(summary = "A supervisor closes the issue without the customer's confirmation, with a reason")
    public Mono<IssueView> waive(Caller caller, @PathVariable String id, @Valid @RequestBody ReasonBody body) {
        return act(caller, new Role[] {Role.SUPERVISOR, Role.ADMIN, Role.LEADERSHIP}, id,
                s -> s.issue().waive(actor(caller), body.reason(), s.now()));
    }

    @PostMapping("/{id}/assign")
    @Operation(summary = "Gives the issue to a handler")
    public Mono<IssueView> assign(Caller caller, @PathVariable String id, @Valid @RequestBody AssignBody body) {
        return act(caller, WORKERS, id, s -> s.issue().assign(actor(caller), body.ownerId(), s.now()));
    }

    // ---- plumbing ----

    /**
     * The acting caller in the domain's terms: the most powerful of their roles, in the order the shared audit
     * trail uses ({@link com.huifang.platform.audit.AuditActor}; auditors do not act on issues).
     */
    static Actor actor(Caller caller) {
        com.huifang.feedback.issue.domain.Role role;
        if (caller.hasAnyRole(Role.ADMIN)) {
            role = com.huifang.feedback.issue.domain.Role.ADMIN;
        } else if (caller.hasAnyRole(Role.SUPERVISOR)) {
            role = com.huifang.feedback.issue.domain.Role.SUPERVISOR;
        } else if (caller.hasAnyRole(Role.LEADERSHIP)) {
            role = com.huifang.feedback.issue.domain.Role.LEADERSHIP;
        } else if (caller.hasAnyRole(Role.HANDLER)) {
            role = com.huifang.feedback.issue.domain.Role.HANDLER;
        } else if (caller.hasAnyRole(Role.AGENT)) {
            role = com.huifang.feedback.issue.domain.Role.AGENT;
        } else {
            role = com.huifang.feedback.issue.domain.Role.PARTNER;
        }
        return new Actor(caller.userId(), role);
    }

    private Mono<IssueView> act(Caller caller, Role[] allowed, String id,
                                Function<IssueWorkflow.Step, List<com.huifang.feedback.issue.domain.IssueEvent>> action) {
        if (!caller.hasAnyRole(allowed)) {
            return Mono.error(ApiProblem.forbidden("problem.forbidden"));
        }
        return workflow.act(caller.tenantId(), id, action).map(IssueView::of).onErrorMap(IssueProblems::map);
    }

    private Mono<IssueDocument> read(Caller caller, String id) {
        if (!caller.hasAnyRole(READERS)) {
            return Mono.error(ApiProblem.forbidden("problem.forbidden"));
        }
        return mongo.findOne(Query.query(Criteria.where("_id").is(id).and("tenantId").is(caller.tenantId())),
                        IssueDocument.class)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("issue", id)));
    }

    private Flux<IssueView> find(Caller caller, Criteria criteria, int limit) {
        if (!caller.hasAnyRole(READERS)) {
            return Flux.error(ApiProblem.forbidden("problem.forbidden"));
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "raisedAt")).limit(limit),
                IssueDocument.class).map(IssueView::of);
    }

    private Flux<SlaView> readings(Caller caller, java.util.function.Predicate<SlaReading> which) {
        if (!caller.hasAnyRole(READERS)) {
            return Flux.error(ApiProblem.forbidden("problem.forbidden"));
        }
        var now = clock.instant();
        return tenantRules.forTenant(caller.tenantId()).flatMapMany(rules -> mongo.find(
                        Query.query(Criteria.where("tenantId").is(caller.tenantId()).and("state").in(ACTIVE))
                                .with(Sort.by("raisedAt")).limit(2000), IssueDocument.class)
                .map(d -> new SlaView(d.id, d.category, d.department, d.ownerId, d.state,
                        rules.escalation().readings(IssueStore.restore(d), now)))
                .filter(v -> v.readings().stream().anyMatch(which)))
                .onErrorMap(IssueProblems::map);
    }
}
