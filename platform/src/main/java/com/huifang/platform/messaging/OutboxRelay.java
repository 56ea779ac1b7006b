package com.huifang.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Relays outbox entries to Kafka: for each document with pending entries, sends them in order,
 * waits for the broker's acknowledgement (acks=all, idempotent producer), then removes exactly that
 * entry with {@code $pull}. If the broker is down nothing is removed and the next pass tries again;
 * if the service dies between send and removal the entry is sent again, which consumers ignore
 * (they deduplicate on the event id). Several instances may relay at once for the same reason.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String FIELD = "outbox";

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxCollections collections;
    private final Duration interval;
    private final int batchSize;
    private final Counter published;
    private final Counter failures;
    private final Map<String, AtomicLong> backlog = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private volatile Disposable loop;

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxCollections collections,
                       Duration interval, int batchSize, MeterRegistry registry) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = collections;
        this.interval = interval;
        this.batchSize = batchSize;
        this.registry = registry;
        this.published = Counter.builder("huifang.outbox.published").description("Outbox events relayed to Kafka")
                .register(registry);
        this.failures = Counter.builder("huifang.outbox.failures")
                .description("Outbox relay attempts that failed and will be retried").register(registry);
        for (String name : collections.names()) {
            AtomicLong value = backlog.computeIfAbsent(name, n -> new AtomicLong());
            Gauge.builder("huifang.outbox.backlog", value, AtomicLong::get)
                    .description("Documents with events not yet relayed").tag("collection", name).register(registry);
        }
    }

    /** One pass over every outbox collection; returns the number of events relayed. */
    public Mono<Long> relayOnce() {
        return Flux.fromIterable(collections.names())
                .concatMap(this::relayCollection)
                .reduce(0L, Long::sum);
    }

    private Mono<Long> relayCollection(String collection) {
        Query pending = new Query(Criteria.where(FIELD).exists(true).ne(List.of())).limit(batchSize);
        pending.fields().include(FIELD);
        return mongo.find(pending, Document.class, collection)
                .concatMap(doc -> relayDocument(collection, doc))
                .reduce(0L, Long::sum)
                .flatMap(n -> mongo.count(new Query(Criteria.where(FIELD).exists(true).ne(List.of())), collection)
                        .doOnNext(count -> backlog.get(collection).set(count))
                        .thenReturn(n));
    }

    private Mono<Long> relayDocument(String collection, Document doc) {
        Object id = doc.get("_id");
        List<Document> entries = doc.getList(FIELD, Document.class, List.of());
        return Flux.fromIterable(entries)
                .concatMap(entry -> send(entry)
                        .then(mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                                new Update().pull(FIELD, Query.query(Criteria.where("eventId").is(entry.getString("eventId")))),
                                collection))
                        .doOnSuccess(r -> published.increment())
                        .thenReturn(1L))
                .reduce(0L, Long::sum);
    }

    private Mono<Void> send(Document entry) {
        return Mono.fromFuture(() -> kafka.send(entry.getString("topic"), entry.getString("key"), entry.getString("envelope")))
                .timeout(Duration.ofSeconds(30))
                .then();
    }

    @Override
    public void start() {
        loop = Flux.interval(interval, Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(tick -> relayOnce()
                        .onErrorResume(e -> {
                            failures.increment();
                            log.warn("Outbox relay pass failed, will retry: {}", e.toString());
                            return Mono.just(0L);
                        }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable d = loop;
        if (d != null) {
            d.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null && !loop.isDisposed();
    }

    @Override
    public int getPhase() {
        // stop before Kafka and Mongo clients close
        return Integer.MAX_VALUE - 100;
    }

    MeterRegistry registry() {
        return registry;
    }
}
