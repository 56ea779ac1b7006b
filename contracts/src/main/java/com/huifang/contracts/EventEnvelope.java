package com.huifang.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What travels on every topic: who (tenant), what (type + payload), when (UTC instant), and the
 * correlation id of the request or event that caused it.
 *
 * @param eventId       unique id; consumers keep it to ignore redeliveries
 * @param type          stable type name from {@link EventCatalog}
 * @param schemaVersion version of the payload's JSON Schema
 * @param tenantId      the organisation the event belongs to
 * @param occurredAt    when the fact happened (UTC)
 * @param correlationId id shared by every request and event of one business flow
 * @param key           partition key (customer id or issue id)
 * @param payload       the event record as JSON; read it with {@link EventJson#payload}
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        int schemaVersion,
        String tenantId,
        Instant occurredAt,
        String correlationId,
        String key,
        JsonNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
    }
}
