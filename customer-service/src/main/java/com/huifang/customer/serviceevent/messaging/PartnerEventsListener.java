package com.huifang.customer.serviceevent.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huifang.contracts.Topics;
import com.huifang.customer.partner.store.PartnerCredentialRepository;
import com.huifang.customer.partner.web.PartnerEventRequest;
import com.huifang.customer.serviceevent.ServiceEventIntake;
import com.huifang.platform.messaging.Inbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Service events that partner systems inside the cluster put on {@code huifang.partner-events}.
 * The payload has the shape of the HTTP push plus {@code partnerId} (a partner registered for the
 * envelope's tenant) and optionally {@code eventId} (the partner's event id; the envelope's id
 * otherwise). They enter the same intake as HTTP pushes, idempotent by the partner's event id.
 * A record naming no registered partner of its tenant, or an invalid event, is dead-lettered. A
 * record of a partner an admin deactivated is skipped — logged and counted in
 * {@code huifang.customer.partner.events.skipped{reason="deactivated"}} — rather than retried and
 * dead-lettered: it is refused on purpose, not failing.
 */
@Component
class PartnerEventsListener {

    private static final Logger log = LoggerFactory.getLogger(PartnerEventsListener.class);

    static final String SOURCE = "PARTNER_KAFKA";

    private final Inbox inbox;
    private final ServiceEventIntake intake;
    private final PartnerCredentialRepository partners;
    private final ObjectMapper json;
    private final Counter skippedDeactivated;

    PartnerEventsListener(Inbox inbox, ServiceEventIntake intake, PartnerCredentialRepository partners,
                          ObjectMapper json, MeterRegistry registry) {
        this.inbox = inbox;
        this.intake = intake;
        this.partners = partners;
        this.json = json;
        this.skippedDeactivated = Counter.builder("huifang.customer.partner.events.skipped")
                .description("Partner events from Kafka skipped, by reason").tag("reason", "deactivated")
                .register(registry);
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
                    .filter(p -> p.tenantId.equals(envelope.tenantId()))
                    .switchIfEmpty(Mono.error(() -> new IllegalArgumentException(
                            "no partner " + partnerId + " registered for tenant " + envelope.tenantId())))
                    .flatMap(p -> {
                        if (!p.active) {
                            skippedDeactivated.increment();
                            log.warn("Skipped partner event {} (envelope {}) of deactivated partner {} (tenant {})",
                                    eventId, envelope.eventId(), partnerId, p.tenantId);
                            return Mono.empty();
                        }
                        return intake.record(p.tenantId, p.partnerId, eventId, SOURCE, event);
                    });
        });
    }
}
