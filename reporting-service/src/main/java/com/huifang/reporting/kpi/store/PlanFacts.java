package com.huifang.reporting.kpi.store;

import com.huifang.platform.mongo.IndexDeclaration;
import com.huifang.reporting.facts.domain.ServiceEventFact;
import com.huifang.reporting.facts.domain.VisitFact;
import com.huifang.reporting.facts.store.FactJson;
import com.huifang.reporting.facts.store.ServiceEventFactDocument;
import com.huifang.reporting.facts.store.VisitFactDocument;
import com.huifang.reporting.kpi.domain.PlanTarget;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
 * {@code PlanTargetsChanged}), the service events of a period (sampling populations) and the visits
 * planned from them. Every query is filtered on the tenant.
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
                            .named("tenant_serviceEvent")));
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
