package com.huifang.schedule.visit.store;

import com.huifang.platform.problem.ApiProblem;
import com.huifang.schedule.visit.domain.Visit;
import com.huifang.schedule.visit.domain.VisitEvent;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Loads and saves visits. A save writes the aggregate's new state and the events it caused in one
 * document write guarded by {@code version}: a concurrent change (another agent, the sweeper) makes
 * it fail with an optimistic-locking error, and the caller retries on fresh state.
 */
@Component
public class VisitStore {

    public static final List<String> OPEN = List.of("PLANNED", "DUE", "IN_PROGRESS");

    private final ReactiveMongoTemplate mongo;

    public VisitStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<VisitDocument> load(String tenantId, String visitId) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(visitId).and("tenantId").is(tenantId)), VisitDocument.class)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("visit", visitId)));
    }

    public Flux<VisitDocument> openOfCustomer(String tenantId, String customerId) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId).and("customerId").is(customerId)
                .and("state").in(OPEN)), VisitDocument.class);
    }

    /** Saves the visit's state and appends its events to the outbox, in one conditional write. */
    public Mono<VisitDocument> save(VisitDocument doc, Visit visit, List<VisitEvent> events, String correlationId, Instant now) {
        VisitMapping.copy(visit, doc);
        VisitMapping.publish(doc, events, correlationId, now);
        return mongo.save(doc);
    }

    /** Inserts a new visit with its events; an existing id (a redelivered cause) stores nothing. */
    public Mono<VisitDocument> insert(VisitDocument doc, Visit visit, List<VisitEvent> events, String correlationId, Instant now) {
        VisitMapping.copy(visit, doc);
        VisitMapping.publish(doc, events, correlationId, now);
        doc.plannedAt = now;
        return mongo.insert(doc).onErrorResume(DuplicateKeyException.class, alreadyThere -> Mono.empty());
    }
}
