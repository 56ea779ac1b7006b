package com.huifang.customer.support;

import com.huifang.customer.customer.domain.TenantCodes;
import com.huifang.platform.audit.AuditActor;
import com.huifang.platform.audit.AuditDraft;
import com.huifang.platform.audit.AuditTrail;
import com.huifang.platform.correlation.CorrelationId;
import com.huifang.platform.messaging.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The codes a tenant may use: the ones its admin defined ({@code tenant_codes}), else the
 * configured defaults ({@code huifang.customer.codes.*}). Every change is audited
 * ({@code tenant-codes.changed}, before and after) in the same write as the change.
 */
@Component
public class TenantCodesSource {

    private final TenantCodes defaults;
    private final ReactiveMongoTemplate mongo;
    private final AuditTrail audit;

    public TenantCodesSource(TenantCodes defaults, ReactiveMongoTemplate mongo, AuditTrail audit) {
        this.defaults = defaults;
        this.mongo = mongo;
        this.audit = audit;
    }

    /** A tenant's own codes, as stored. */
    @Document("tenant_codes")
    public static class TenantCodesDocument {
        @Id
        public String tenantId;
        public List<String> categories;
        public String defaultCategory;
        public List<String> serviceEventTypes;
        public Instant updatedAt;
        public String updatedBy;
        /** Counts the changes; each change is conditional on the revision read (0 for a document without one). */
        public long revision;
        /** The audit entries of the changes, relayed from here. */
        public List<OutboxEntry> outbox = new ArrayList<>();
    }

    /** Another admin changed the codes between our read and our write: read again. */
    private static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super(null, null, false, false);
        }
    }

    public Mono<TenantCodes> of(String tenantId) {
        return mongo.findById(tenantId, TenantCodesDocument.class)
                .map(TenantCodesSource::codesOf)
                .defaultIfEmpty(defaults);
    }

    /**
     * Replaces the tenant's codes, with the audit entry ({@code before}: the codes in force, its own or the
     * defaults; {@code after}: the new ones) in the same conditional write. Saving the codes in force
     * writes nothing and audits nothing.
     */
    public Mono<TenantCodes> save(String tenantId, TenantCodes codes, AuditActor actor, Instant now) {
        return CorrelationId.current().defaultIfEmpty("none").flatMap(correlation -> Mono.defer(() ->
                        mongo.findById(tenantId, TenantCodesDocument.class)
                                .map(Optional::of).defaultIfEmpty(Optional.empty())
                                .flatMap(current -> write(tenantId, codes, actor, now, correlation, current)))
                .retryWhen(Retry.max(5).filter(e -> e instanceof ConcurrentChange || e instanceof DuplicateKeyException)))
                .onErrorMap(reactor.core.Exceptions::isRetryExhausted,
                        e -> com.huifang.platform.problem.ApiProblem.conflict("stale-version", "problem.stale-version"))
                .thenReturn(codes);
    }

    private Mono<Void> write(String tenantId, TenantCodes codes, AuditActor actor, Instant now, String correlation,
                             Optional<TenantCodesDocument> current) {
        TenantCodes before = current.map(TenantCodesSource::codesOf).orElse(defaults);
        if (current.isPresent() && summary(before).equals(summary(codes))) {
            return Mono.empty();
        }
        long loaded = current.map(d -> d.revision).orElse(0L);
        long revision = loaded + 1;
        Map<String, String> beforeSummary = new LinkedHashMap<>(summary(before));
        beforeSummary.put("source", current.isPresent() ? "tenant" : "defaults");
        OutboxEntry entry = audit.entry(AuditDraft.by(actor, tenantId).action("tenant-codes.changed")
                .target("tenant-codes", tenantId).before(beforeSummary).after(summary(codes)).build(),
                AuditTrail.idFor("tenant-codes:" + tenantId + ":" + revision), now, correlation);
        // revision 0 also matches a document written before revisions were counted (no field)
        Criteria read = Criteria.where("_id").is(tenantId)
                .and("revision").in(loaded == 0 ? new Object[] {0L, null} : new Object[] {loaded});
        Update update = new Update().set("categories", List.copyOf(codes.categories()))
                .set("defaultCategory", codes.defaultCategory())
                .set("serviceEventTypes", List.copyOf(codes.serviceEventTypes()))
                .set("updatedAt", now).set("updatedBy", actor.id()).set("revision", revision)
                .push("outbox", entry);
        // upsert: the first definition inserts; a concurrent change makes the query miss and the insert
        // collide on _id (DuplicateKeyException): read again and retry
        return mongo.upsert(Query.query(read), update, TenantCodesDocument.class)
                .flatMap(r -> r.getModifiedCount() == 1 || r.getUpsertedId() != null
                        ? Mono.<Void>empty() : Mono.error(new ConcurrentChange()));
    }

    private static TenantCodes codesOf(TenantCodesDocument d) {
        return new TenantCodes(new LinkedHashSet<>(d.categories), d.defaultCategory,
                new LinkedHashSet<>(d.serviceEventTypes));
    }

    /** What an auditor compares: the codes sorted, comma-separated. */
    private static Map<String, String> summary(TenantCodes c) {
        return Map.of("categories", String.join(",", c.categories().stream().sorted().toList()),
                "defaultCategory", c.defaultCategory() == null ? "" : c.defaultCategory(),
                "serviceEventTypes", String.join(",", c.serviceEventTypes().stream().sorted().toList()));
    }
}
