package com.huifang.reporting.kpi.store;

import com.huifang.platform.mongo.IndexDeclaration;
import com.huifang.reporting.facts.domain.ServiceEventFact;
import com.huifang.reporting.facts.domain.VisitFact;
import com.huifang.reporting.facts.store.FactJson;
import com.huifang.reporting.facts.store.ServiceEventFactDocument;
import com.huifang.reporting.facts.store.VisitFactDocument;
import com.huifang.reporting.kpi.domain.PlanTarget;
import com.huifang.reporting.kpi.domain.SampleDraw;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * What the per-plan figures read beyond the daily facts: the plans' latest targets (kept here from
 * {@code PlanTargetsChanged}), the sampling plans' draws (kept here from {@code SampleDrawn}), the service
 * events of a period and the visits planned from them. Every query is filtered on the tenant.
 */
@Component
public class PlanFacts {

    private static final int IN_BATCH = 1_000;
    private static final Retry ON_CONFLICT = Retry.backoff(20, Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(200))
            .filter(e -> e instanceof OptimisticLockingFailureException || e instanceof DuplicateKeyException);

    private final ReactiveMongoTemplate mongo;

    public PlanFacts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Configuration(proxyBeanMethods = false)
    static class Indexes {
        @Bean
        IndexDeclaration planFactIndexes() {
            return mongo -> Mono.when(
                    mongo.indexOps(PlanTargetDocument.COLLECTION).ensureIndex(new Index()
                            .on("tenantId", Direction.ASC).named("tenant")),
                    // sampling: the visits planned from a period's service events
                    mongo.indexOps(VisitFactDocument.COLLECTION).ensureIndex(new Index()
                            .on("tenantId", Direction.ASC).on("serviceEventId", Direction.ASC)
                            .named("tenant_serviceEvent")),
                    // sampling: a tenant's draws; the event types a sampling plan's visits answer
                    mongo.indexOps(SampleDrawDocument.COLLECTION).ensureIndex(new Index()
                            .on("tenantId", Direction.ASC).named("tenant")),
                    mongo.indexOps(VisitFactDocument.COLLECTION).ensureIndex(new Index()
                            .on("tenantId", Direction.ASC).on("planId", Direction.ASC).named("tenant_plan")));
        }
    }

    /** Keeps the higher version of the stored and the incoming targets; true when the stored copy changed. */
    public Mono<Boolean> keep(PlanTarget incoming) {
        String id = PlanTargetDocument.idOf(incoming.tenantId(), incoming.planId());
        return Mono.defer(() -> mongo.findById(id, PlanTargetDocument.class).map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .flatMap(found -> {
                            PlanTarget before = found.map(PlanFacts::toDomain).orElse(null);
                            PlanTarget after = incoming.merge(before);
                            if (before != null && after.equals(before)) {
                                return Mono.just(false);
                            }
                            PlanTargetDocument d = found.orElseGet(PlanTargetDocument::new);
                            d.id = id;
                            d.tenantId = after.tenantId();
                            d.planId = after.planId();
                            d.planVersion = after.version();
                            d.name = after.name();
                            d.coverage = after.coverage();
                            d.successRate = after.successRate();
                            d.retired = after.retired();
                            d.changedAt = after.changedAt();
                            return mongo.save(d).thenReturn(true);
                        }))
                .retryWhen(ON_CONFLICT);
    }

    /** Keeps a plan's draw of a period (the later draw wins); true when the stored copy changed. */
    public Mono<Boolean> keep(SampleDraw incoming) {
        String id = SampleDrawDocument.idOf(incoming.tenantId(), incoming.planId(), incoming.period());
        return Mono.defer(() -> mongo.findById(id, SampleDrawDocument.class).map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .flatMap(found -> {
                            SampleDraw before = found.map(PlanFacts::toDomain).orElse(null);
                            SampleDraw after = before == null ? incoming : before.merge(incoming);
                            if (before != null && after.equals(before)) {
                                return Mono.just(false);
                            }
                            SampleDrawDocument d = found.orElseGet(SampleDrawDocument::new);
                            d.id = id;
                            d.tenantId = after.tenantId();
                            d.planId = after.planId();
                            d.period = after.period();
                            d.population = after.population();
                            d.tierPercent = after.tierPercent();
                            d.required = after.required();
                            d.mandatory = after.mandatory();
                            d.selected = after.selected();
                            d.drawnAt = after.drawnAt();
                            return mongo.save(d).thenReturn(true);
                        }))
                .retryWhen(ON_CONFLICT);
    }

    /** Every draw of the tenant (plans × periods: a sampling plan is one with a draw in any period). */
    public Mono<List<SampleDraw>> draws(String tenant) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenant)), SampleDrawDocument.class)
                .map(PlanFacts::toDomain)
                .collectList();
    }

    private static SampleDraw toDomain(SampleDrawDocument d) {
        return new SampleDraw(d.tenantId, d.planId, d.period, d.population, d.tierPercent, d.required, d.mandatory,
                d.selected, d.drawnAt);
    }

    /** Visits of a plan read to learn the service-event types it answers (a plan answers a few types). */
    static final int TYPE_PROBE = 200;

    /**
     * The service-event types each plan's visits answer, read from up to {@value #TYPE_PROBE} of its visits
     * (any period): the households of a period a sampling plan did not draw are recognised by them.
     */
    public Mono<Map<String, Set<String>>> eventTypes(String tenant, Collection<String> planIds) {
        return Flux.fromIterable(planIds)
                .concatMap(plan -> {
                    Query q = Query.query(Criteria.where("tenantId").is(tenant).and("planId").is(plan)
                            .and("serviceEventId").ne(null)).limit(TYPE_PROBE);
                    q.fields().include("serviceEventId");
                    return mongo.find(q, VisitFactDocument.class)
                            .map(v -> ServiceEventFactDocument.idOf(tenant, v.serviceEventId))
                            .collectList()
                            .flatMap(ids -> {
                                Query se = Query.query(Criteria.where("_id").in(ids).and("tenantId").is(tenant));
                                se.fields().include("state");
                                return mongo.find(se, ServiceEventFactDocument.class)
                                        .map(d -> FactJson.read(d.state, ServiceEventFact.class))
                                        .filter(f -> f.recorded() != null && f.recorded().value().eventType() != null)
                                        .map(f -> f.recorded().value().eventType())
                                        .collect(java.util.stream.Collectors.toCollection(HashSet::new));
                            })
                            .map(types -> Map.<String, Set<String>>entry(plan, types));
                })
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    public Flux<PlanTarget> targets(String tenant) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenant)), PlanTargetDocument.class)
                .map(PlanFacts::toDomain);
    }

    private static PlanTarget toDomain(PlanTargetDocument d) {
        return new PlanTarget(d.tenantId, d.planId, d.planVersion, d.name, d.coverage, d.successRate, d.retired,
                d.changedAt);
    }

    /** The tenant's service events that occurred between the dates (tenant-local, inclusive). */
    public Mono<List<ServiceEventFact>> serviceEventsOccurred(String tenant, LocalDate from, LocalDate to) {
        Query q = Query.query(Criteria.where("tenantId").is(tenant).and("occurredDate").gte(from.toString())
                .lte(to.toString()));
        q.fields().include("state");
        return mongo.find(q, ServiceEventFactDocument.class)
                .map(d -> FactJson.read(d.state, ServiceEventFact.class))
                .collectList();
    }

    /** The tenant's visits planned from these service events. */
    public Mono<List<VisitFact>> visitsPlannedFrom(String tenant, Collection<String> serviceEventIds) {
        List<String> ids = new ArrayList<>(serviceEventIds);
        return Flux.range(0, (ids.size() + IN_BATCH - 1) / IN_BATCH)
                .concatMap(b -> {
                    Query q = Query.query(Criteria.where("tenantId").is(tenant).and("serviceEventId")
                            .in(ids.subList(b * IN_BATCH, Math.min(ids.size(), (b + 1) * IN_BATCH))));
                    q.fields().include("state");
                    return mongo.find(q, VisitFactDocument.class);
                })
                .map(d -> FactJson.read(d.state, VisitFact.class))
                .collectList();
    }
}
