package com.huifang.reporting.audit.store;

import com.huifang.platform.mongo.IndexDeclaration;
import com.huifang.reporting.audit.domain.AuditEntry;
import com.huifang.reporting.audit.domain.AuditSearch;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The append-only audit trail: {@link #append} inserts (never saves, never updates), and there is no
 * method here or anywhere that changes or removes an entry. Searches are newest first by
 * (at, auditId), each search served by one of the indexes declared below on real MongoDB.
 */
@Repository
public class AuditStore {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public AuditStore(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Stores the entry once; true when it was new, false when the trail already held it. */
    public Mono<Boolean> append(AuditEntry e) {
        AuditEntryDocument d = new AuditEntryDocument();
        d.id = AuditEntryDocument.idOf(e.tenantId(), e.auditId());
        d.tenantId = e.tenantId();
        d.auditId = e.auditId();
        d.service = e.service();
        d.actor = e.actor();
        d.actorRole = e.actorRole();
        d.action = e.action();
        d.targetType = e.targetType();
        d.targetId = e.targetId();
        d.before = fields(e.before());
        d.after = fields(e.after());
        d.reason = e.reason();
        d.correlationId = e.correlationId();
        d.at = e.at();
        d.receivedAt = clock.instant();
        return mongo.insert(d).thenReturn(true).onErrorResume(DuplicateKeyException.class, x -> Mono.just(false));
    }

    public Mono<AuditEntry> find(String tenantId, String auditId) {
        return mongo.findById(AuditEntryDocument.idOf(tenantId, auditId), AuditEntryDocument.class)
                .filter(d -> tenantId.equals(d.tenantId))
                .map(AuditStore::entry);
    }

    /** One page of the search (limit + 1 read, so the caller knows whether there is a next page). */
    public Flux<AuditEntry> search(AuditSearch s) {
        Query q = Query.query(criteria(s)).with(Sort.by(Direction.DESC, "at").and(Sort.by(Direction.DESC, "auditId")));
        if (s.limit() != Integer.MAX_VALUE) {
            q.limit(s.limit() + 1);
        }
        return mongo.find(q, AuditEntryDocument.class).map(AuditStore::entry);
    }

    static Criteria criteria(AuditSearch s) {
        List<Criteria> and = new ArrayList<>();
        and.add(Criteria.where("tenantId").is(s.tenantId()));
        Criteria at = Criteria.where("at").gte(s.from());
        if (s.to() != null) {
            at = at.lt(s.to());
        }
        and.add(at);
        if (s.actor() != null) {
            and.add(Criteria.where("actor").is(s.actor()));
        }
        if (s.actionPrefix() != null) {
            and.add(Criteria.where("action").regex("^" + Pattern.quote(s.actionPrefix())));
        }
        if (s.targetType() != null) {
            and.add(Criteria.where("targetType").is(s.targetType()));
        }
        if (s.targetId() != null) {
            and.add(Criteria.where("targetId").is(s.targetId()));
        }
        if (s.service() != null) {
            and.add(Criteria.where("service").is(s.service()));
        }
        if (s.after() != null) {
            and.add(new Criteria().orOperator(Criteria.where("at").lt(s.after().at()),
                    Criteria.where("at").is(s.after().at()).and("auditId").lt(s.after().auditId())));
        }
        return new Criteria().andOperator(and.toArray(Criteria[]::new));
    }

    static AuditEntry entry(AuditEntryDocument d) {
        return new AuditEntry(d.tenantId, d.auditId, d.service, d.actor, d.actorRole, d.action, d.targetType,
                d.targetId, map(d.before), map(d.after), d.reason, d.correlationId, d.at);
    }

    private static List<AuditEntryDocument.Field> fields(Map<String, String> m) {
        List<AuditEntryDocument.Field> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(new AuditEntryDocument.Field(k, v)));
        return out;
    }

    private static Map<String, String> map(List<AuditEntryDocument.Field> fields) {
        Map<String, String> out = new LinkedHashMap<>();
        if (fields != null) {
            fields.forEach(f -> out.put(f.name, f.value));
        }
        return out;
    }

    /** The indexes the searches need on real MongoDB (every search is by tenant, newest first). */
    @Configuration(proxyBeanMethods = false)
    static class Indexes {

        @Bean
        IndexDeclaration auditTrailIndexes() {
            String c = AuditEntryDocument.COLLECTION;
            return mongo -> Mono.when(
                    mongo.indexOps(c).ensureIndex(new Index().on("tenantId", Direction.ASC).on("at", Direction.DESC)
                            .on("auditId", Direction.DESC).named("tenant_at")),
                    mongo.indexOps(c).ensureIndex(new Index().on("tenantId", Direction.ASC).on("actor", Direction.ASC)
                            .on("at", Direction.DESC).named("tenant_actor_at")),
                    mongo.indexOps(c).ensureIndex(new Index().on("tenantId", Direction.ASC).on("action", Direction.ASC)
                            .on("at", Direction.DESC).named("tenant_action_at")),
                    mongo.indexOps(c).ensureIndex(new Index().on("tenantId", Direction.ASC)
                            .on("targetType", Direction.ASC).on("targetId", Direction.ASC).on("at", Direction.DESC)
                            .named("tenant_target_at")),
                    mongo.indexOps(c).ensureIndex(new Index().on("tenantId", Direction.ASC)
                            .on("service", Direction.ASC).on("at", Direction.DESC).named("tenant_service_at")));
        }
    }
}
