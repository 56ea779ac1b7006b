package com.huifang.feedback.rules.web;

import com.huifang.feedback.rules.TenantRules;
import com.huifang.feedback.rules.store.TenantRulesDocument;
import com.huifang.platform.audit.AuditActor;
import com.huifang.platform.audit.AuditDraft;
import com.huifang.platform.audit.AuditTrail;
import com.huifang.platform.correlation.CorrelationId;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.security.Caller;
import com.huifang.platform.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A tenant's issue rules: categories with their SLA targets, routing, business hours, department heads.
 * Supervisors and admins. Every change writes an audit entry (before/after summary) in the same write.
 */
@RestController
@RequestMapping("/api/issues/rules")
@Tag(name = "Issue rules")
public class RulesController {

    private final TenantRules tenantRules;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final AuditTrail auditTrail;

    public RulesController(TenantRules tenantRules, ReactiveMongoTemplate mongo, Clock clock, AuditTrail auditTrail) {
        this.tenantRules = tenantRules;
        this.mongo = mongo;
        this.clock = clock;
        this.auditTrail = auditTrail;
    }

    public record CategoryBody(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}") String code,
                               @Size(max = 100) String name,
                               @Positive @Max(2000) Integer firstResponseHours,
                               @Positive @Max(250) Integer firstResponseWorkingDays,
                               @Positive @Max(2000) Integer resolutionHours,
                               @Positive @Max(250) Integer resolutionWorkingDays,
                               boolean fixDateRequired) {
    }

    public record RouteBody(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}") String category,
                            @Pattern(regexp = "NORMAL|MAJOR") String severity,
                            @NotBlank @Size(max = 64) String department,
                            @NotBlank @Size(max = 64) String ownerQueue) {
    }

    public record RulesBody(@NotBlank @Pattern(regexp = "\\d{2}:\\d{2}-\\d{2}:\\d{2}(\\s*,\\s*\\d{2}:\\d{2}-\\d{2}:\\d{2})*")
                            String businessHours,
                            @NotBlank @Size(max = 64) String leadershipQueue,
                            @NotEmpty @Size(max = 100) List<@Valid @NotNull CategoryBody> categories,
                            @NotEmpty @Size(max = 200) List<@Valid @NotNull RouteBody> routes,
                            @Size(max = 100) Map<@NotBlank @Size(max = 64) String,
                                    @NotNull @Size(max = 20) List<@NotBlank @Size(max = 64) String>> departmentHeads,
                            Long version) {

        static RulesBody of(TenantRulesDocument d) {
            return new RulesBody(d.businessHours, d.leadershipQueue,
                    d.categories.stream().map(c -> new CategoryBody(c.code, c.name, c.firstResponseHours,
                            c.firstResponseWorkingDays, c.resolutionHours, c.resolutionWorkingDays, c.fixDateRequired)).toList(),
                    d.routes.stream().map(r -> new RouteBody(r.category, r.severity, r.department, r.ownerQueue)).toList(),
                    d.departmentHeads == null ? Map.of() : d.departmentHeads, d.version);
        }
    }

    @GetMapping
    @Operation(summary = "The tenant's issue rules (the defaults until a supervisor sets them)")
    public Mono<RulesBody> get(Caller caller) {
        return require(caller).then(tenantRules.stored(caller.tenantId())).map(RulesBody::of);
    }

    @PutMapping
    @Operation(summary = "Replaces the tenant's issue rules; unknown or incomplete categories are rejected (400)")
    public Mono<RulesBody> put(Caller caller, @Valid @RequestBody RulesBody body) {
        return require(caller).then(Mono.defer(() -> {
            var doc = new TenantRulesDocument();
            doc.tenantId = caller.tenantId();
            doc.businessHours = body.businessHours();
            doc.leadershipQueue = body.leadershipQueue();
            doc.categories = new ArrayList<>();
            for (var c : body.categories()) {
                var dc = new TenantRulesDocument.Category();
                dc.code = c.code();
                dc.name = c.name();
                dc.firstResponseHours = c.firstResponseHours();
                dc.firstResponseWorkingDays = c.firstResponseWorkingDays();
                dc.resolutionHours = c.resolutionHours();
                dc.resolutionWorkingDays = c.resolutionWorkingDays();
                dc.fixDateRequired = c.fixDateRequired();
                doc.categories.add(dc);
            }
            doc.routes = new ArrayList<>();
            for (var r : body.routes()) {
                var dr = new TenantRulesDocument.Route();
                dr.category = r.category();
                dr.severity = r.severity();
                dr.department = r.department();
                dr.ownerQueue = r.ownerQueue();
                doc.routes.add(dr);
            }
            try {
                tenantRules.compile(doc);
            } catch (RuntimeException e) {
                return Mono.error(ApiProblem.invalidField("rules", "invalid-rules", "feedback.rules.invalid", e.getMessage()));
            }
            doc.departmentHeads = body.departmentHeads() == null ? new HashMap<>() : new HashMap<>(body.departmentHeads());
            doc.updatedBy = caller.userId();
            doc.updatedAt = clock.instant();
            // last writer wins unless the caller sent the version it read (then a stale write is a 409)
            return Mono.zip(mongo.findById(caller.tenantId(), TenantRulesDocument.class)
                            .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()),
                    tenantRules.stored(caller.tenantId()), CorrelationId.current()).flatMap(t -> {
                var existing = t.getT1();
                var draft = AuditDraft.by(AuditActor.of(caller), caller.tenantId()).action("issue-rules.changed")
                        .target("issue-rules", caller.tenantId()).before(summary(t.getT2())).after(summary(doc)).build();
                if (existing.isEmpty()) {
                    doc.outbox.add(auditTrail.entry(draft, AuditTrail.idFor("issue-rules:" + caller.tenantId() + ":0"),
                            doc.updatedAt, t.getT3()));
                    return mongo.insert(doc);
                }
                long expected = body.version() != null ? body.version() : existing.get().version;
                var update = new Update().set("businessHours", doc.businessHours).set("leadershipQueue", doc.leadershipQueue)
                        .set("categories", doc.categories).set("routes", doc.routes)
                        .set("departmentHeads", doc.departmentHeads).set("updatedBy", doc.updatedBy)
                        .set("updatedAt", doc.updatedAt).inc("version", 1)
                        .push("outbox", auditTrail.entry(draft, AuditTrail.idFor("issue-rules:" + caller.tenantId() + ":"
                                + (expected + 1)), doc.updatedAt, t.getT3()));
                return mongo.findAndModify(Query.query(Criteria.where("_id").is(caller.tenantId()).and("version").is(expected)),
                                update, FindAndModifyOptions.options().returnNew(true), TenantRulesDocument.class)
                        .switchIfEmpty(Mono.error(() -> new OptimisticLockingFailureException(
                                "issue rules of " + caller.tenantId() + " changed since version " + expected)));
            });
        })).map(RulesBody::of);
    }

    /** What an auditor needs to see of a rule change: no personal data, just the rules. */
    static Map<String, String> summary(TenantRulesDocument d) {
        var m = new LinkedHashMap<String, String>();
        m.put("businessHours", d.businessHours);
        m.put("leadershipQueue", d.leadershipQueue);
        m.put("categories", d.categories.stream().map(c -> c.code + " " + span(c.firstResponseHours, c.firstResponseWorkingDays)
                + "/" + span(c.resolutionHours, c.resolutionWorkingDays) + (c.fixDateRequired ? " fix-date" : ""))
                .collect(Collectors.joining("; ")));
        m.put("routes", d.routes.stream().map(r -> r.category + (r.severity == null ? "" : "/" + r.severity) + " -> "
                + r.department + "/" + r.ownerQueue).collect(Collectors.joining("; ")));
        m.put("departmentHeads", new TreeMap<>(d.departmentHeads == null ? Map.of() : d.departmentHeads).toString());
        return m;
    }

    private static String span(Integer hours, Integer days) {
        return hours != null ? hours + "h" : days + "wd";
    }

    private static Mono<Void> require(Caller caller) {
        return caller.hasAnyRole(Role.SUPERVISOR, Role.ADMIN) ? Mono.empty()
                : Mono.error(ApiProblem.forbidden("problem.forbidden"));
    }
}
