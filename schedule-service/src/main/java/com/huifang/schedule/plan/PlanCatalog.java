package com.huifang.schedule.plan;

import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.problem.InvalidField;
import com.huifang.schedule.plan.domain.InvalidPlanException;
import com.huifang.schedule.plan.domain.Plan;
import com.huifang.schedule.plan.pack.PlanJson;
import com.huifang.schedule.plan.pack.PlanPacks;
import com.huifang.schedule.plan.store.PlanDocument;
import com.huifang.platform.audit.AuditActor;
import com.huifang.platform.audit.AuditDraft;
import com.huifang.platform.audit.AuditTrail;
import com.huifang.platform.correlation.CorrelationId;
import com.huifang.platform.messaging.OutboxEntry;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.events.PlanTargetsChanged;
import com.huifang.schedule.plan.domain.Targets;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The tenants' plans, versioned. Until a tenant installed or saved any plan, the
 * {@value #DEFAULT_PACK} pack applies, so a new hospital tenant's discharges are followed up.
 */
@Service
public class PlanCatalog {

    public static final String DEFAULT_PACK = "hospital-inpatient";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final PlanJson json = new PlanJson();

    private final AuditTrail auditTrail;

    public PlanCatalog(ReactiveMongoTemplate mongo, AuditTrail auditTrail, Clock clock) {
        this.mongo = mongo;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** Parses and validates a plan document; errors become a 400 listing each JSON-pointer path. */
    public Plan parse(String document) {
        try {
            return json.read(document == null ? "" : document);
        } catch (InvalidPlanException e) {
            throw ApiProblem.invalid(e.errors().stream()
                    .map(err -> InvalidField.of(err.path().isEmpty() ? "/" : err.path(), "invalid-plan",
                            "schedule.plan.invalid", err.message()))
                    .toList());
        }
    }

    public String write(Plan plan) {
        return json.write(plan);
    }

    /** The latest version of each plan of the tenant that is not retired. */
    public Flux<Plan> active(String tenantId) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId).and("retired").is(false)), PlanDocument.class)
                .collectList()
                .flatMapMany(docs -> {
                    Map<String, PlanDocument> latest = new LinkedHashMap<>();
                    docs.stream().sorted(Comparator.comparing((PlanDocument d) -> d.planId).thenComparingInt(d -> d.version))
                            .forEach(d -> latest.put(d.planId, d));
                    return Flux.fromIterable(latest.values()).map(d -> json.read(d.json));
                });
    }

    /** The plans that apply to the tenant's events: its active plans, or the default pack if it never had any. */
    public Flux<Plan> applicable(String tenantId) {
        return mongo.exists(Query.query(Criteria.where("tenantId").is(tenantId)), PlanDocument.class)
                .flatMapMany(any -> any ? active(tenantId)
                        : Flux.just(PlanPacks.load(DEFAULT_PACK).withTenant(tenantId)));
    }

    public Mono<Plan> latest(String tenantId, String planId) {
        return mongo.findOne(Query.query(Criteria.where("tenantId").is(tenantId).and("planId").is(planId).and("retired").is(false))
                        .with(Sort.by(Sort.Direction.DESC, "version")).limit(1), PlanDocument.class)
                .map(d -> json.read(d.json))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("plan", planId)));
    }

    public Mono<Plan> version(String tenantId, String planId, int version) {
        return mongo.findById(PlanDocument.idOf(tenantId, planId, version), PlanDocument.class)
                .map(d -> json.read(d.json))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("plan", planId + " v" + version)));
    }

    public Flux<Integer> versions(String tenantId, String planId) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId).and("planId").is(planId))
                        .with(Sort.by("version")), PlanDocument.class)
                .map(d -> d.version);
    }

    /** Creates version 1; a plan of that id already exists → 409. */
    public Mono<Plan> create(AuditActor actor, String tenantId, Plan plan) {
        return mongo.exists(Query.query(Criteria.where("tenantId").is(tenantId).and("planId").is(plan.id())), PlanDocument.class)
                .flatMap(exists -> exists
                        ? Mono.error(ApiProblem.conflict("plan-exists", "schedule.plan.exists", plan.id()))
                        : store(actor, tenantId, plan, 1));
    }

    /** Saves the plan as version n+1 of its id (n = 0 when new). Visits keep the version they were planned with. */
    public Mono<Plan> update(AuditActor actor, String tenantId, Plan plan) {
        return mongo.findOne(Query.query(Criteria.where("tenantId").is(tenantId).and("planId").is(plan.id()))
                        .with(Sort.by(Sort.Direction.DESC, "version")).limit(1), PlanDocument.class)
                .map(d -> d.version)
                .defaultIfEmpty(0)
                .flatMap(n -> store(actor, tenantId, plan, n + 1));
    }

    /**
     * Retires every version: the plan no longer plans visits; existing visits are untouched. Older
     * versions first, then the latest with its audit entry in the same write, conditional on it
     * being still active (two concurrent retirements audit once; the loser gets 404). The same write
     * carries {@code PlanTargetsChanged} with {@code retired = true} and the latest version's number
     * and targets (they still judge the visits planned with it).
     */
    public Mono<Void> retire(AuditActor actor, String tenantId, String planId, String reason) {
        Query active = Query.query(Criteria.where("tenantId").is(tenantId).and("planId").is(planId).and("retired").is(false))
                .with(Sort.by(Sort.Direction.DESC, "version"));
        return mongo.find(active, PlanDocument.class).collectList().flatMap(versions -> {
            if (versions.isEmpty()) {
                return Mono.error(ApiProblem.notFound("plan", planId));
            }
            PlanDocument latest = versions.get(0);
            Instant now = clock.instant();
            AuditDraft draft = AuditDraft.by(actor, tenantId).action("plan.retired").target("plan", planId)
                    .before(Map.of("version", Integer.toString(latest.version), "retired", "false"))
                    .after(Map.of("version", Integer.toString(latest.version), "retired", "true"))
                    .reason(reason).build();
            return CorrelationId.current().defaultIfEmpty("none").flatMap(cid -> Flux.fromIterable(versions.subList(1, versions.size()))
                    .concatMap(older -> mongo.updateFirst(Query.query(Criteria.where("_id").is(older.id)),
                            new Update().set("retired", true).set("retiredAt", now), PlanDocument.class))
                    .then(mongo.updateFirst(Query.query(Criteria.where("_id").is(latest.id).and("retired").is(false)),
                            new Update().set("retired", true).set("retiredAt", now).push("outbox").each(
                                    auditTrail.entry(draft, AuditTrail.idFor("plan.retired:" + latest.id), now, cid),
                                    targetsChanged(tenantId, json.read(latest.json), true, now, cid)),
                            PlanDocument.class)))
                    .flatMap(r -> r.getModifiedCount() == 0 ? Mono.error(ApiProblem.notFound("plan", planId)) : Mono.<Void>empty());
        });
    }

    private Mono<Plan> store(AuditActor actor, String tenantId, Plan plan, int version) {
        Plan saved = new Plan(plan.id(), version, tenantId, plan.name(), plan.triggers(), plan.stages(), plan.ladder(),
                plan.priority(), plan.sampling(), plan.surveyTemplateId(), plan.assignment(), plan.targets(), plan.replan());
        PlanDocument doc = new PlanDocument();
        doc.id = PlanDocument.idOf(tenantId, plan.id(), version);
        doc.tenantId = tenantId;
        doc.planId = plan.id();
        doc.version = version;
        doc.name = plan.name();
        doc.json = json.write(saved);
        doc.createdBy = actor.id();
        doc.createdAt = clock.instant();
        Map<String, String> after = new LinkedHashMap<>();
        after.put("version", Integer.toString(version));
        after.put("name", plan.name());
        AuditDraft draft = AuditDraft.by(actor, tenantId).action(version == 1 ? "plan.created" : "plan.published")
                .target("plan", plan.id())
                .before(version == 1 ? Map.of() : Map.of("version", Integer.toString(version - 1)))
                .after(after).build();
        return CorrelationId.current().defaultIfEmpty("none")
                .map(cid -> {
                    doc.outbox.add(auditTrail.entry(draft, AuditTrail.idFor(doc.id), doc.createdAt, cid));
                    return doc.outbox.add(targetsChanged(tenantId, saved, false, doc.createdAt, cid));
                })
                .then(mongo.insert(doc))
                .thenReturn(saved)
                .onErrorMap(DuplicateKeyException.class,
                        e -> ApiProblem.conflict("plan-version-conflict", "schedule.plan.version-conflict", plan.id(), version));
    }

    /**
     * The {@code PlanTargetsChanged} of a published (or retired) version, for reporting to judge the
     * plan's figures against its targets; its id derived from the version and the change, so a
     * replayed write publishes it once.
     */
    private static OutboxEntry targetsChanged(String tenantId, Plan plan, boolean retired, Instant at, String correlationId) {
        Targets t = plan.targets();
        PlanTargetsChanged event = new PlanTargetsChanged(plan.id(), plan.version(), plan.name(),
                t == null ? null : percent(t.coveragePercent()), t == null ? null : percent(t.successRatePercent()),
                retired, at);
        String key = "PlanTargetsChanged:" + PlanDocument.idOf(tenantId, plan.id(), plan.version()) + (retired ? ":retired" : "");
        return OutboxEntry.of(EventJson.envelope(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)), event,
                tenantId, correlationId, at));
    }

    private static Double percent(BigDecimal p) {
        return p == null ? null : p.doubleValue();
    }

    public static List<String> packNames() {
        return PlanPacks.NAMES;
    }
}
