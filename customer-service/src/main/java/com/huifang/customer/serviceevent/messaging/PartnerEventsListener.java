package com.huifang.customer.serviceevent.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huifang.contracts.Topics;
import com.huifang.customer.partner.store.PartnerCredentialRepository;
import com.huifang.customer.partner.web.PartnerEventRequest;
import com.huifang.customer.serviceevent.ServiceEventIntake;
import com.huifang.platform.messaging.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Service events that partner systems inside the cluster put on {@code huifang.partner-events}.
 * The payload has the shape of the HTTP push plus {@code partnerId} (a partner registered for the
 * envelope's tenant) and optionally {@code eventId} (the partner's event id; the envelope's id
 * otherwise). They enter the same intake as HTTP pushes, idempotent by the partner's event id.
 * A record naming no registered partner of its tenant, or an invalid event, is dead-lettered.
 */
@Component
class PartnerEventsListener {

    static final String SOURCE = "PARTNER_KAFKA";

    private final Inbox inbox;
    private final ServiceEventIntake intake;
    private final PartnerCredentialRepository partners;
    private final ObjectMapper json;

    PartnerEventsListener(Inbox inbox, ServiceEventIntake intake, PartnerCredentialRepository partners,
                          ObjectMapper json) {
        this.inbox = inbox;
        this.intake = intake;
        this.partners = partners;
        this.json = json;
    }

    @KafkaListener(topics = Topics.PARTNER_EVENTS)
    void on(ConsumerRecord<String, String> record) {
        inbox.accept(record, "record-partner-event", envelope -> {
            JsonNode payload = envelope.payload();
            String partnerId = payload.path("partnerId").asText("");
            String eventId = payload.hasNonNull("eventId") ? payload.get("eventId").asText()
                    : envelope.eventId().toString();
            PartnerEventRequest event;
            try {
                event = json.treeToValue(payload, PartnerEventRequest.class);
            } catch (Exception e) {
                return Mono.error(new IllegalArgumentException("payload is not a partner event: " + e.getMessage()));
            }
            return partners.findById(partnerId)
                    .filter(p -> p.active && p.tenantId.equals(envelope.tenantId()))
                    .switchIfEmpty(Mono.error(() -> new IllegalArgumentException(
                            "no active partner " + partnerId + " registered for tenant " + envelope.tenantId())))
                    .flatMap(p -> intake.record(p.tenantId, p.partnerId, eventId, SOURCE, event));
        });
    }
}
