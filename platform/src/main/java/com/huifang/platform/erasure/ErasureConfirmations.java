package com.huifang.platform.erasure;

import com.huifang.contracts.EventJson;
import com.huifang.contracts.events.CustomerErased;
import com.huifang.contracts.events.CustomerErasureConfirmed;
import com.huifang.platform.audit.AuditTrail;
import com.huifang.platform.messaging.OutboxEntry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * The one way a service confirms that it anonymised its copies of an erased customer: a
 * {@link CustomerErasureConfirmed} written as a stand-alone outbox document (the relay drains the
 * stand-alone collection {@value AuditTrail#COLLECTION} of every service and deletes what it sent).
 * <p>
 * Call it after the service's own anonymisation succeeded, from the inbox-guarded handler of
 * {@link CustomerErased}: if the service dies in between, the redelivered event anonymises again
 * (idempotent) and confirms then. The event id is derived from service and request, so a replay
 * confirms with the same id and the customer-service's inbox drops the duplicate.
 */
public class ErasureConfirmations {

    private final String service;
    private final Clock clock;
    private final ReactiveMongoTemplate mongo;

    public ErasureConfirmations(String service, Clock clock, ReactiveMongoTemplate mongo) {
        this.service = service;
        this.clock = clock;
        this.mongo = mongo;
    }

    /** This service's name, as it appears in {@link CustomerErasureConfirmed#service()}. */
    public String service() {
        return service;
    }

    /**
     * Confirms {@code erased} for this service.
     *
     * @param recordsAnonymised how many records this service anonymised or deleted (0 is a valid answer)
     */
    public Mono<Void> confirm(String tenantId, String correlationId, CustomerErased erased, int recordsAnonymised) {
        Instant now = clock.instant();
        UUID eventId = eventIdFor(service, erased.customerId(), erased.requestId());
        CustomerErasureConfirmed payload = new CustomerErasureConfirmed(erased.customerId(), erased.requestId(), service,
                Math.max(0, recordsAnonymised), now);
        OutboxEntry entry = OutboxEntry.of(EventJson.envelope(eventId, payload, tenantId, correlationId, now));
        return mongo.insert(new Confirmation(entry.eventId(), tenantId, now, List.of(entry)), AuditTrail.COLLECTION)
                .then()
                // already written (a replayed CustomerErased): the first confirmation stands
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty());
    }

    /** The confirmation's deterministic event id. */
    public static UUID eventIdFor(String service, String customerId, String requestId) {
        return UUID.nameUUIDFromBytes(("erasure-confirmed:" + service + ":" + customerId + ":" + requestId)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The stored shape of a stand-alone outbox document; the relay reads {@code outbox}. */
    record Confirmation(String id, String tenantId, Instant at, List<OutboxEntry> outbox) {
    }
}
