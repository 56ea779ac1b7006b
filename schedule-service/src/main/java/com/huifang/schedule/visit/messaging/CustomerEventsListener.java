package com.huifang.schedule.visit.messaging;

import com.huifang.contracts.EventJson;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.CustomerConsentChanged;
import com.huifang.contracts.events.CustomerErased;
import com.huifang.contracts.events.CustomerProfileChanged;
import com.huifang.contracts.events.ServiceEventRecorded;
import com.huifang.platform.erasure.ErasureConfirmations;
import com.huifang.platform.messaging.Inbox;
import com.huifang.schedule.customer.CustomerCopies;
import com.huifang.schedule.visit.VisitPlanning;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Plans visits from recorded service events; keeps and applies consent changes; keeps the customer
 * copy (a profile change re-plans the visits not started yet; an erasure anonymises and is
 * confirmed back). One listener for the topic: two in the same consumer group would split its
 * partitions between them.
 */
@Component
class CustomerEventsListener {

    private final Inbox inbox;
    private final VisitPlanning planning;
    private final CustomerCopies customers;
    private final ErasureConfirmations confirmations;

    CustomerEventsListener(Inbox inbox, VisitPlanning planning, CustomerCopies customers,
                           ErasureConfirmations confirmations) {
        this.inbox = inbox;
        this.confirmations = confirmations;
        this.planning = planning;
        this.customers = customers;
    }

    @KafkaListener(topics = Topics.CUSTOMERS)
    void on(ConsumerRecord<String, String> record) {
        inbox.accept(record, "plan-visits", envelope -> switch (envelope.type()) {
            case "ServiceEventRecorded" -> planning.onServiceEvent(envelope,
                    EventJson.payload(envelope, ServiceEventRecorded.class));
            case "CustomerConsentChanged" -> planning.onConsent(envelope,
                    EventJson.payload(envelope, CustomerConsentChanged.class));
            case "CustomerProfileChanged" -> {
                var profile = EventJson.payload(envelope, CustomerProfileChanged.class);
                // keep the copy, then re-plan the visits not started yet with it (a redelivery re-plans nothing)
                yield customers.onProfile(envelope, profile).then(planning.onProfileChanged(envelope, profile));
            }
            case "CustomerErased" -> {
                var erased = EventJson.payload(envelope, CustomerErased.class);
                // anonymise, then confirm back to customer-service (once per request, even when redelivered)
                yield planning.onErased(envelope, erased)
                        .zipWith(customers.onErased(envelope.tenantId(), erased.customerId()), Integer::sum)
                        .flatMap(records -> confirmations.confirm(envelope.tenantId(), envelope.correlationId(), erased,
                                records));
            }
            default -> Mono.empty();
        });
    }
}
