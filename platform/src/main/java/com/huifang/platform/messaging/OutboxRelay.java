package com.huifang.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Relays outbox entries to Kafka, at least once, and on several instances without sending the same
 * entries twice in the normal course of things:
 * <ol>
 *   <li>find documents with pending entries that no live lease holds (an index on
 *       {@code outbox.eventId} finds them without scanning);</li>
 *   <li>claim them with one conditional update that sets {@code outboxLease {owner, token, until}}
 *       on each document nobody holds a live lease on (atomic per document: exactly one instance
 *       wins each), then read back the documents carrying this pass's token;</li>
 *   <li>send its entries in order (acks=all, idempotent producer) and wait for the broker;</li>
 *   <li>pull exactly the acknowledged entries (the longest acknowledged prefix, so a key's order
 *       holds) and release the lease in one update; a drained stand-alone document (collections in
 *       {@code deleteWhenDrained}, e.g. {@code audit_log}) is deleted.</li>
 * </ol>
 * If the broker is down nothing is pulled and the next pass tries again. If the instance dies
 * after sending and before pulling, its lease expires and another instance sends those entries
 * again: consumers drop the copies by event id. Leases use real time ({@code leaseClock}), never
 * the business clock that tests move.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String FIELD = "outbox";
    static final String LEASE = "outboxLease";
    /** A pending entry has an event id; the sparse index on it holds only documents with pending entries. */
    static final String PENDING_KEY = FIELD + ".eventId";
    /** Documents relayed at once by one instance (their sends are pipelined). */
    static final int CONCURRENT_DOCUMENTS = 8;

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxCollections collections;
    private final Set<String> deleteWhenDrained;
    private final int batchSize;
    private final Duration lease;
    private final Clock leaseClock;
    private final String owner;
    private final Counter published;
    private final Counter claimsLost;
    private final Map<String, AtomicLong> backlog = new ConcurrentHashMap<>();

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxCollections collections,
                       Set<String> deleteWhenDrained, int batchSize, Duration lease, Clock leaseClock, String owner,
                       MeterRegistry registry) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = collections;
        this.deleteWhenDrained = Set.copyOf(deleteWhenDrained);
        this.batchSize = batchSize;
        this.lease = lease;
        this.leaseClock = leaseClock;
        this.owner = owner;
        this.published = Counter.builder("huifang.outbox.published").description("Outbox events relayed to Kafka")
                .register(registry);
        this.claimsLost = Counter.builder("huifang.outbox.claims.lost")
                .description("Documents another instance claimed first (its relay sends them)").register(registry);
        for (String name : collections.names()) {
            AtomicLong value = backlog.computeIfAbsent(name, n -> new AtomicLong());
            Gauge.builder("huifang.outbox.backlog", value, AtomicLong::get)
                    .description("Documents with events not yet relayed").tag("collection", name).register(registry);
        }
    }

    /** A lease owner name unique to this process: the service's name and a random suffix. */
    public static String ownerName(String service) {
        return service + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * The index every outbox collection needs: sparse on {@code outbox.eventId}, so it holds only
     * documents with pending entries (a drained document's empty {@code outbox} has no key) and
     * the pending query {@code {"outbox.eventId": {$exists: true}}} reads just those, on real
     * MongoDB; the embedded store accepts the declaration and scans.
     */
    public static Index pendingIndex() {
        return new Index().on(PENDING_KEY, org.springframework.data.domain.Sort.Direction.ASC).sparse()
                .named("outbox_pending");
    }

    /** One pass over every outbox collection; returns the number of events relayed. */
    public Mono<Long> relayOnce() {
        return Flux.fromIterable(collections.names())
                .concatMap(this::relayCollection)
                .reduce(0L, Long::sum);
    }

    public String owner() {
        return owner;
    }

    private static Criteria pending() {
        return Criteria.where(PENDING_KEY).exists(true);
    }

    private static Criteria unleased(Date now) {
        return new Criteria().orOperator(Criteria.where(LEASE).exists(false), Criteria.where(LEASE + ".until").lt(now));
    }

    private Mono<Long> relayCollection(String collection) {
        Instant now = leaseClock.instant();
        Query candidates = new Query(new Criteria().andOperator(pending(), unleased(Date.from(now)))).limit(batchSize);
        candidates.fields().include("_id");
        return mongo.find(candidates, Document.class, collection)
                .map(d -> d.get("_id"))
                .collectList()
                .flatMap(ids -> ids.isEmpty() ? Mono.just(0L) : claimAndRelay(collection, ids, now))
                .flatMap(n -> mongo.count(new Query(pending()), collection)
                        .doOnNext(count -> backlog.get(collection).set(count))
                        .thenReturn(n));
    }

    /**
     * Claims the candidates nobody holds with one conditional update (each document's filter and
     * update are atomic: of several instances claiming at once, one wins each document), marking
     * them with a token of this pass; then relays exactly the documents that carry the token.
     */
    private Mono<Long> claimAndRelay(String collection, List<Object> ids, Instant now) {
        String token = owner + "/" + UUID.randomUUID();
        Query free = Query.query(Criteria.where("_id").in(ids).and(PENDING_KEY).exists(true)
                .orOperator(Criteria.where(LEASE).exists(false), Criteria.where(LEASE + ".until").lt(Date.from(now))));
        Update take = new Update().set(LEASE, new Document("owner", owner).append("token", token)
                .append("until", Date.from(now.plus(lease))));
        Query mine = Query.query(Criteria.where("_id").in(ids).and(LEASE + ".token").is(token));
        mine.fields().include(FIELD);
        return mongo.updateMulti(free, take, collection)
                .doOnNext(r -> claimsLost.increment(ids.size() - r.getModifiedCount()))
                .thenMany(mongo.find(mine, Document.class, collection))
                .flatMap(doc -> relayDocument(collection, doc), CONCURRENT_DOCUMENTS)
                .reduce(0L, Long::sum);
    }

    private Mono<Long> relayDocument(String collection, Document doc) {
        Object id = doc.get("_id");
        List<Document> entries = doc.getList(FIELD, Document.class, List.of());
        // every send starts at once, in order (the idempotent producer keeps a partition's order)
        List<Mono<Boolean>> sends = new ArrayList<>();
        for (Document entry : entries) {
            sends.add(send(entry).thenReturn(true).onErrorResume(e -> {
                log.warn("Outbox entry {} of {}/{} not relayed, will retry: {}", entry.getString("eventId"), collection,
                        id, e.toString());
                return Mono.just(false);
            }).cache());
        }
        sends.forEach(Mono::subscribe);
        return Flux.fromIterable(sends).concatMap(m -> m).collectList().flatMap(acks -> {
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < acks.size() && acks.get(i); i++) {
                sent.add(entries.get(i).getString("eventId"));
            }
            return pullAndRelease(collection, id, sent)
                    .then(deleteWhenDrained.contains(collection) ? deleteIfDrained(collection, id) : Mono.empty())
                    .doOnSuccess(v -> published.increment(sent.size()))
                    .thenReturn((long) sent.size());
        });
    }

    /**
     * Pulls the sent entries and releases the lease in one update by {@code _id} alone (the embedded
     * store reads its index only for a filter on {@code _id} alone). Had this pass outlived its lease
     * and another instance claimed the document meanwhile, that instance's lease goes too: at worst an
     * entry is sent once more, never lost.
     */
    private Mono<Void> pullAndRelease(String collection, Object id, List<String> sent) {
        Update pullAndRelease = new Update().unset(LEASE);
        if (!sent.isEmpty()) {
            pullAndRelease.pull(FIELD, Query.query(Criteria.where("eventId").in(sent)));
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), pullAndRelease, collection).then();
    }

    private Mono<Void> deleteIfDrained(String collection, Object id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id).and(FIELD).size(0)), collection).then();
    }

    private Mono<Void> send(Document entry) {
        return Mono.fromFuture(() -> kafka.send(entry.getString("topic"), entry.getString("key"), entry.getString("envelope")))
                .timeout(Duration.ofSeconds(30))
                .then();
    }
}
