package com.huifang.survey.customer;

import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.events.CustomerErased;
import com.huifang.contracts.events.CustomerProfileChanged;
import com.huifang.contracts.events.ServiceEventRecorded;
import com.huifang.platform.mongo.VersionedCopies;
import com.huifang.survey.customer.domain.Salutation;
import com.huifang.survey.customer.store.CustomerCopyDocument;
import com.huifang.survey.customer.store.ServiceEventCopyDocument;
import java.time.Instant;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Keeps the per-tenant customer copy (salutation and title) and the dates of service events, from the events of
 * {@code huifang.customers} ({@code CustomerErased} goes through {@link CustomerErasure}, which calls {@link #erase}). Every write is idempotent: a conditional upsert keyed by tenant and id.
 */
@Service
public class CustomerCopies {

    private final ReactiveMongoTemplate mongo;
    private final VersionedCopies<CustomerCopyDocument> copies;

    public CustomerCopies(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        this.copies = VersionedCopies.of(mongo, CustomerCopyDocument.class, "version").sealedBy("erased");
    }

    public Mono<Void> apply(EventEnvelope envelope) {
        return switch (envelope.type()) {
            case "CustomerProfileChanged" -> profile(envelope.tenantId(),
                    EventJson.payload(envelope, CustomerProfileChanged.class), envelope.occurredAt());
            case "ServiceEventRecorded" -> serviceEvent(envelope.tenantId(),
                    EventJson.payload(envelope, ServiceEventRecorded.class));
            default -> Mono.empty();
        };
    }

    /** How the customer is addressed; {@link Salutation#UNKNOWN} when nothing (or an erasure) is known. */
    public Mono<Salutation> salutation(String tenantId, String customerId) {
        if (customerId == null) {
            return Mono.just(Salutation.UNKNOWN);
        }
        return mongo.findById(CustomerCopyDocument.idOf(tenantId, customerId), CustomerCopyDocument.class)
                .filter(c -> tenantId.equals(c.tenantId) && !c.erased)
                .map(c -> Salutation.of(c.salutation, c.title))
                .defaultIfEmpty(Salutation.UNKNOWN);
    }

    /** When the service event happened, if survey-service has seen it. */
    public Mono<Instant> serviceEventTime(String tenantId, String serviceEventId) {
        if (serviceEventId == null) {
            return Mono.empty();
        }
        return mongo.findById(ServiceEventCopyDocument.idOf(tenantId, serviceEventId), ServiceEventCopyDocument.class)
                .filter(e -> tenantId.equals(e.tenantId))
                .mapNotNull(e -> e.occurredAt);
    }

    /** Applies a profile only over a lower version and never over an erasure; otherwise the event is ignored. */
    private Mono<Void> profile(String tenantId, CustomerProfileChanged p, Instant at) {
        Update update = new Update()
                .setOnInsert("tenantId", tenantId)
                .setOnInsert("customerId", p.customerId())
                .set("salutation", p.salutation())
                .set("title", p.title())
                .set("updatedAt", at);
        return copies.offer(CustomerCopyDocument.idOf(tenantId, p.customerId()), p.version(), update).then();
    }

    /**
     * Blanks the customer's copy for good (a later profile cannot bring the name back).
     *
     * @return 1 when survey-service held a copy of the customer's profile (blanked now or by an earlier delivery of
     *         the erasure: a replay reports the same), 0 when it never had one
     */
    public Mono<Integer> erase(String tenantId, CustomerErased e, Instant at) {
        Update blank = new Update()
                .setOnInsert("tenantId", tenantId)
                .setOnInsert("customerId", e.customerId())
                .setOnInsert("version", 0)
                .unset("salutation")
                .unset("title")
                .set("updatedAt", at);
        return copies.seal(CustomerCopyDocument.idOf(tenantId, e.customerId()), blank)
                .map(before -> before.version > 0 || before.salutation != null ? 1 : 0)
                .defaultIfEmpty(0);
    }

    private Mono<Void> serviceEvent(String tenantId, ServiceEventRecorded e) {
        Update update = new Update()
                .setOnInsert("tenantId", tenantId)
                .set("serviceEventId", e.serviceEventId())
                .set("customerId", e.customerId())
                .set("eventType", e.eventType())
                .set("occurredAt", e.occurredAt());
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(ServiceEventCopyDocument.idOf(tenantId,
                        e.serviceEventId()))), update, FindAndModifyOptions.options().upsert(true),
                        ServiceEventCopyDocument.class)
                .then();
    }
}
