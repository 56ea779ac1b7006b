package com.huifang.customer.serviceevent;

import com.huifang.contracts.EventJson;
import com.huifang.contracts.events.ServiceEventRecorded;
import com.huifang.customer.customer.store.CustomerDocument;
import com.huifang.customer.partner.web.PartnerEventRequest;
import com.huifang.customer.serviceevent.store.ServiceEventDocument;
import com.huifang.platform.correlation.CorrelationId;
import com.huifang.platform.messaging.OutboxEntry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Records a service event exactly once: the customer is created or updated by the partner's
 * reference (a deterministic id, so concurrent pushes meet on one document), then the event is
 * inserted together with its {@code ServiceEventRecorded} outbox entry. A replay of the same
 * partner event id hits the unique {@code _id} and returns the first result.
 */
@Service
public class ServiceEventIntake {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public ServiceEventIntake(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public record Result(String serviceEventId, String customerId, boolean duplicate) {
    }

    public Mono<Result> record(String tenantId, String partnerId, String partnerEventId, String source,
                               PartnerEventRequest event) {
        String customerId = idOf("customer", tenantId, partnerId, event.customer().ref());
        String serviceEventId = idOf("service-event", tenantId, partnerId, partnerEventId);
        Instant now = clock.instant();
        return mongo.findById(serviceEventId, ServiceEventDocument.class)
                .map(existing -> new Result(existing.id, existing.customerId, true))
                .switchIfEmpty(Mono.defer(() -> upsertCustomer(tenantId, partnerId, customerId, event, now)
                        .flatMap(customer -> CorrelationId.current().flatMap(correlationId -> {
                            ServiceEventDocument doc = document(tenantId, partnerId, partnerEventId, source, event,
                                    customer, serviceEventId, now);
                            ServiceEventRecorded recorded = new ServiceEventRecorded(serviceEventId, customerId,
                                    event.type(), event.occurredAt(), event.scheduledAt(), customer.category,
                                    customer.staffIds, source, partnerEventId, doc.attributes);
                            doc.outbox.add(OutboxEntry.of(EventJson.envelope(
                                    UUID.nameUUIDFromBytes(("ServiceEventRecorded:" + serviceEventId).getBytes(StandardCharsets.UTF_8)),
                                    recorded, tenantId, correlationId, now)));
                            return mongo.insert(doc)
                                    .map(saved -> new Result(serviceEventId, customerId, false))
                                    .onErrorResume(DuplicateKeyException.class,
                                            dup -> Mono.just(new Result(serviceEventId, customerId, true)));
                        }))));
    }

    private Mono<CustomerDocument> upsertCustomer(String tenantId, String partnerId, String customerId,
                                                  PartnerEventRequest event, Instant now) {
        PartnerEventRequest.PartnerCustomer c = event.customer();
        Update update = new Update()
                .setOnInsert("tenantId", tenantId)
                .setOnInsert("createdAt", now)
                .setOnInsert("version", 0L)
                .addToSet("partnerRefs", partnerId + ":" + c.ref())
                .set("updatedAt", now);
        if (c.name() != null) {
            update.set("name", c.name());
        }
        if (c.category() != null) {
            update.set("category", c.category());
        }
        if (c.staffIds() != null && !c.staffIds().isEmpty()) {
            update.addToSet("staffIds").each(c.staffIds().toArray());
        }
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(customerId).and("tenantId").is(tenantId)),
                update, FindAndModifyOptions.options().upsert(true).returnNew(true), CustomerDocument.class);
    }

    private static ServiceEventDocument document(String tenantId, String partnerId, String partnerEventId, String source,
                                                 PartnerEventRequest event, CustomerDocument customer, String id,
                                                 Instant now) {
        ServiceEventDocument doc = new ServiceEventDocument();
        doc.id = id;
        doc.tenantId = tenantId;
        doc.customerId = customer.id;
        doc.type = event.type();
        doc.occurredAt = event.occurredAt();
        doc.scheduledAt = event.scheduledAt();
        doc.source = source;
        doc.partnerId = partnerId;
        doc.partnerEventId = partnerEventId;
        doc.attributes = event.attributes() == null ? Map.of() : Map.copyOf(event.attributes());
        doc.recordedAt = now;
        if (customer.staffIds == null) {
            customer.staffIds = List.of();
        }
        return doc;
    }

    /** A stable id from its parts: the same partner record always maps to the same document. */
    static String idOf(String kind, String... parts) {
        return UUID.nameUUIDFromBytes((kind + ":" + String.join("\u001f", parts)).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
