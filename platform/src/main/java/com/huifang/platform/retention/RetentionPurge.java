package com.huifang.platform.retention;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The daily retention purge (issue 10 §2): deletes or anonymises what outlived its tenant's
 * retention in every {@link RetentionTarget} of the service. Fires once per period across all
 * instances — an instance claims the period by moving {@code nextRunAt} forward in one atomic
 * conditional update; the others find nothing to claim. A crash mid-purge is harmless: the next
 * period purges what is left (the purge is idempotent). Not TTL indexes: the embedded store does
 * not enforce TTL, and anonymising is not deleting.
 *
 * <p>Metrics: {@code huifang_retention_purged_total{collection,action}} and
 * {@code huifang_retention_last_run_seconds} (epoch seconds of the last purge this instance ran). It is
 * checked every {@code huifang.retention.check-every} by a {@link com.huifang.platform.task.PeriodicTask}.
 */
public class RetentionPurge {

    static final String LEASES = "platform_leases";
    static final String PURGE_ID = "retention-purge";
    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    /** What one purge did: documents deleted and anonymised per collection. */
    public record Report(boolean ran, Map<String, Long> deleted, Map<String, Long> anonymised) {
    }

    private final ReactiveMongoTemplate mongo;
    private final List<RetentionTarget> targets;
    private final RetentionSettings settings;
    private final Clock clock;
    private final Duration period;
    private final MeterRegistry registry;
    private final String owner = UUID.randomUUID().toString();
    private final AtomicLong lastRun = new AtomicLong();

    public RetentionPurge(ReactiveMongoTemplate mongo, List<RetentionTarget> targets, RetentionSettings settings,
                          Clock clock, Duration period, MeterRegistry registry) {
        this.mongo = mongo;
        this.targets = List.copyOf(targets);
        this.settings = settings;
        this.clock = clock;
        this.period = period;
        this.registry = registry;
        Gauge.builder("huifang.retention.last.run", lastRun, AtomicLong::get)
                .description("Epoch seconds of the last retention purge this instance ran").baseUnit("seconds")
                .register(registry);
    }

    /** Purges if this period's purge is not claimed yet; otherwise reports it did not run. */
    public Mono<Report> purgeIfDue() {
        return claim().flatMap(claimed -> claimed ? purgeNow() : Mono.just(new Report(false, Map.of(), Map.of())));
    }

    /** Claims the current period: true for exactly one caller per period. */
    Mono<Boolean> claim() {
        Instant now = clock.instant();
        Query due = Query.query(Criteria.where("_id").is(PURGE_ID).and("nextRunAt").lte(now));
        Update next = new Update().set("nextRunAt", now.plus(period)).set("owner", owner).set("claimedAt", now);
        return mongo.findAndModify(due, next, FindAndModifyOptions.options().returnNew(true), Document.class, LEASES)
                .map(d -> true)
                .switchIfEmpty(Mono.defer(() -> mongo.insert(new Document("_id", PURGE_ID)
                                .append("nextRunAt", now.plus(period)).append("owner", owner).append("claimedAt", now), LEASES)
                        .map(d -> true)
                        .onErrorResume(DuplicateKeyException.class, taken -> Mono.just(false))));
    }

    private Mono<Report> purgeNow() {
        Instant now = clock.instant();
        Map<String, Long> deleted = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, Long> anonymised = new java.util.concurrent.ConcurrentHashMap<>();
        return settings.byTenant().flatMap(retention -> Flux.fromIterable(targets)
                        .concatMap(target -> tenantsOf(target, retention.keySet())
                                .concatMap(tenant -> purge(target, tenant,
                                        now.minus(retention.getOrDefault(tenant, settings.defaultRetention())), now))
                                .reduce(0L, Long::sum)
                                .doOnNext(n -> {
                                    (target.deletes() ? deleted : anonymised).merge(target.collection(), n, Long::sum);
                                    registry.counter("huifang.retention.purged", "collection", target.collection(),
                                            "action", target.deletes() ? "deleted" : "anonymised").increment(n);
                                }))
                        .then())
                .then(Mono.fromSupplier(() -> {
                    lastRun.set(now.getEpochSecond());
                    log.info("Retention purge: deleted {}, anonymised {}", deleted, anonymised);
                    return new Report(true, Map.copyOf(deleted), Map.copyOf(anonymised));
                }));
    }

    private Flux<String> tenantsOf(RetentionTarget target, Set<String> configured) {
        return mongo.findDistinct(new Query(), "tenantId", target.collection(), String.class)
                .collectList()
                .flatMapMany(found -> {
                    Set<String> all = new HashSet<>(found);
                    all.addAll(configured);
                    return Flux.fromIterable(all).sort();
                });
    }

    private Mono<Long> purge(RetentionTarget target, String tenant, Instant cutoff, Instant now) {
        Criteria expired = Criteria.where("tenantId").is(tenant).and(target.timeField()).lt(cutoff);
        if (target.alsoRequired() != null) {
            expired = new Criteria().andOperator(expired, target.alsoRequired());
        }
        if (target.deletes()) {
            return mongo.remove(Query.query(expired), target.collection()).map(r -> r.getDeletedCount());
        }
        Query notYet = Query.query(new Criteria().andOperator(expired, Criteria.where("anonymisedAt").exists(false)));
        Update strip = new Update().set("anonymisedAt", now);
        target.anonymiseFields().forEach(strip::unset);
        return mongo.updateMulti(notYet, strip, target.collection()).map(r -> r.getModifiedCount());
    }
}
