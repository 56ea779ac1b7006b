package com.huifang.platform.messaging;

import com.huifang.contracts.EventCatalog;
import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.EventJson;
import java.time.Instant;

/**
 * An event waiting to be relayed to Kafka, stored inside the very document whose change caused it
 * (field {@code outbox}), so that the change and its event are written by one single-document
 * operation: there is no state change without its event, and no event without its change.
 *
 * @param eventId  the envelope's id (consumers deduplicate on it)
 * @param type     event type, for logs and metrics
 * @param topic    where it goes
 * @param key      partition key
 * @param envelope the serialised envelope
 * @param createdAt when it was written
 */
public record OutboxEntry(String eventId, String type, String topic, String key, String envelope, Instant createdAt) {

    public static OutboxEntry of(EventEnvelope envelope) {
        String topic = EventCatalog.byType(envelope.type())
                .orElseThrow(() -> new IllegalArgumentException("Unknown event type " + envelope.type()))
                .topic();
        return new OutboxEntry(envelope.eventId().toString(), envelope.type(), topic, envelope.key(),
                EventJson.write(envelope), envelope.occurredAt());
    }
}
