package com.huifang.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import java.time.Instant;
import java.util.UUID;

/**
 * The one JSON mapping of events. Readers tolerate unknown fields, so an old consumer reads a
 * newer event that gained a field.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new ParameterNamesModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Wraps a payload in a new envelope with a fresh event id. */
    public static EventEnvelope envelope(HuifangEvent payload, String tenantId, String correlationId, Instant occurredAt) {
        return envelope(UUID.randomUUID(), payload, tenantId, correlationId, occurredAt);
    }

    /** Wraps a payload with a caller-chosen event id (deterministic ids make re-emission idempotent). */
    public static EventEnvelope envelope(UUID eventId, HuifangEvent payload, String tenantId, String correlationId,
                                         Instant occurredAt) {
        EventCatalog.Entry entry = EventCatalog.of(payload.getClass());
        return new EventEnvelope(eventId, entry.type(), entry.schemaVersion(), tenantId, occurredAt,
                correlationId, payload.key(), MAPPER.valueToTree(payload));
    }

    public static String write(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise event " + envelope.eventId(), e);
        }
    }

    /**
     * Reads an envelope.
     *
     * @throws MalformedEventException when the text is not a valid envelope (a poison message)
     */
    public static EventEnvelope read(String json) {
        try {
            EventEnvelope envelope = MAPPER.readValue(json, EventEnvelope.class);
            if (envelope == null) {
                throw new MalformedEventException("Empty event", null);
            }
            return envelope;
        } catch (JsonProcessingException | NullPointerException | IllegalArgumentException e) {
            throw new MalformedEventException("Not a Huifang event envelope: " + e.getMessage(), e);
        }
    }

    /** Reads the payload of an envelope as the given record. */
    public static <T extends HuifangEvent> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            return MAPPER.treeToValue(envelope.payload(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("Payload of " + envelope.eventId() + " is not a " + type.getSimpleName()
                    + ": " + e.getMessage(), e);
        }
    }

    /** A message that can never be processed: it goes to the dead-letter topic without retries. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
