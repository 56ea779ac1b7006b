package com.huifang.platform.messaging;

import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.EventJson;
import com.huifang.platform.correlation.CorrelationId;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * The idempotent receiving side of every consumer. A listener hands each record to
 * {@link #accept}; the inbox reads the envelope (a record that is not one is a poison message and
 * goes to the dead-letter topic at once), skips events this handler already processed, runs the
 * handler, and then remembers the event id in {@code processed_events} (unique {@code _id}).
 *
 * <p>Handlers must themselves be idempotent for the rare crash between their effect and the
 * marker: they write with deterministic ids or conditional updates, so a redelivery changes nothing.
 *
 * <p>The listener thread waits for the handler: a Kafka listener container thread is not a reactive
 * event-loop thread, and waiting there keeps the per-partition (per-customer) order and lets the
 * container's error handler retry and dead-letter failures.
 */
public class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);
    public static final String COLLECTION = "processed_events";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Duration timeout;

    public Inbox(ReactiveMongoTemplate mongo, Clock clock, MeterRegistry registry, Duration timeout) {
        this.mongo = mongo;
        this.clock = clock;
        this.registry = registry;
        this.timeout = timeout;
    }

    /**
     * Processes one record at most once per handler.
     *
     * @param handler a stable name of what is done with the event (e.g. {@code plan-visits})
     * @param effect  the reaction; it receives the envelope and runs with its correlation id
     */
    public void accept(ConsumerRecord<String, String> record, String handler,
                       Function<EventEnvelope, Mono<?>> effect) {
        accept(EventJson.read(record.value()), handler, effect);
    }

    /**
     * Processes one record at most once per handler, when its type is one of {@code types}; any other
     * type is skipped without a look-up or a marker (for a listener that reacts to few of its topic's
     * events, such as a service reading its own topic for other services' replies). A record that is no
     * envelope fails as in {@link #accept(ConsumerRecord, String, Function)}: dead-lettered.
     */
    public void accept(ConsumerRecord<String, String> record, String handler, java.util.Set<String> types,
                       Function<EventEnvelope, Mono<?>> effect) {
        EventEnvelope envelope = EventJson.read(record.value());
        if (types.contains(envelope.type())) {
            accept(envelope, handler, effect);
        }
    }

    private void accept(EventEnvelope envelope, String handler, Function<EventEnvelope, Mono<?>> effect) {
        String markerId = handler + ":" + envelope.eventId();
        String correlationId = CorrelationId.acceptOrCreate(envelope.correlationId());
        MDC.put(CorrelationId.KEY, correlationId);
        try {
            mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                            org.springframework.data.mongodb.core.query.Criteria.where("_id").is(markerId)),
                            COLLECTION)
                    .flatMap(seen -> {
                        if (seen) {
                            registry.counter("huifang.events.duplicates", "handler", handler).increment();
                            log.debug("Skipping {} {}: already processed by {}", envelope.type(), envelope.eventId(), handler);
                            return Mono.empty();
                        }
                        return Mono.defer(() -> effect.apply(envelope))
                                .then(mark(markerId, envelope))
                                .doOnSuccess(v -> registry.counter("huifang.events.consumed", "handler", handler,
                                        "type", envelope.type()).increment());
                    })
                    .contextWrite(ctx -> CorrelationId.with(ctx, correlationId))
                    .block(timeout);
        } finally {
            MDC.remove(CorrelationId.KEY);
        }
    }

    private Mono<Void> mark(String markerId, EventEnvelope envelope) {
        Document marker = new Document("_id", markerId)
                .append("type", envelope.type())
                .append("tenantId", envelope.tenantId())
                .append("processedAt", java.util.Date.from(clock.instant()));
        return mongo.insert(marker, COLLECTION)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                .then();
    }
}
