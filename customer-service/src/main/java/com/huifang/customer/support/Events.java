package com.huifang.customer.support;

import com.huifang.contracts.EventJson;
import com.huifang.contracts.HuifangEvent;
import com.huifang.platform.messaging.OutboxEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Outbox entries with deterministic event ids, so a retried write never makes a second event. */
public final class Events {

    private Events() {
    }

    public static OutboxEntry entry(String idSeed, HuifangEvent payload, String tenantId, String correlationId,
                                    Instant now) {
        UUID id = UUID.nameUUIDFromBytes((payload.getClass().getSimpleName() + ":" + idSeed)
                .getBytes(StandardCharsets.UTF_8));
        return OutboxEntry.of(EventJson.envelope(id, payload, tenantId, correlationId, now));
    }

    /** A stable id from its parts: the same input always maps to the same document. */
    public static String idOf(String kind, String... parts) {
        return UUID.nameUUIDFromBytes((kind + ":" + String.join("\u001f", parts)).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
