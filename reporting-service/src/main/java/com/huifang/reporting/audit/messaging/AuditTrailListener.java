package com.huifang.reporting.audit.messaging;

import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.AuditRecorded;
import com.huifang.platform.messaging.Inbox;
import com.huifang.reporting.audit.domain.AuditEntry;
import com.huifang.reporting.audit.store.AuditStore;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reporting-service owns the audit trail: every service's AuditRecorded lands here and is inserted
 * once under the tenant of its envelope. An entry without an audit id or action is a poison message
 * (dead-lettered at once, IllegalArgumentException is not retried).
 */
@Component
class AuditTrailListener {

    private final Inbox inbox;
    private final AuditStore store;

    AuditTrailListener(Inbox inbox, AuditStore store) {
        this.inbox = inbox;
        this.store = store;
    }

    @KafkaListener(topics = Topics.AUDIT)
    void on(ConsumerRecord<String, String> record) {
        inbox.accept(record, "audit-trail", this::store);
    }

    private Mono<Boolean> store(EventEnvelope envelope) {
        if (!"AuditRecorded".equals(envelope.type())) {
            return Mono.just(false); // another type on the topic from a newer producer: not ours to keep
        }
        AuditRecorded a = EventJson.payload(envelope, AuditRecorded.class);
        if (a.auditId() == null || a.action() == null || envelope.tenantId() == null) {
            throw new IllegalArgumentException("AuditRecorded " + envelope.eventId() + " lacks auditId, action or tenant");
        }
        AuditEntry entry = new AuditEntry(envelope.tenantId(), a.auditId(), a.service(), a.actor(), a.actorRole(),
                a.action(), a.targetType(), a.targetId(), a.before(), a.after(), a.reason(), a.correlationId(),
                a.at() != null ? a.at() : envelope.occurredAt());
        return store.append(entry);
    }
}
