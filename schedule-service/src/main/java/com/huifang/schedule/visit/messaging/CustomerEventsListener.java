package com.huifang.schedule.visit.messaging;

import com.huifang.contracts.EventJson;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.CustomerConsentChanged;
import com.huifang.contracts.events.CustomerProfileChanged;
import com.huifang.contracts.events.ServiceEventRecorded;
import com.huifang.platform.messaging.Inbox;
import com.huifang.schedule.customer.CustomerCopies;
import com.huifang.schedule.visit.VisitPlanning;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Plans visits from recorded service events; keeps and applies consent changes; keeps the customer
 * copy (profile changes, erasure). One listener for the topic: two in the same consumer group would
 * split its partitions between them.
 */
@Component
class CustomerEventsListener {

    private final Inbox inbox;
    private final VisitPlanning planning;
    private final CustomerCopies customers;

    CustomerEventsListener(Inbox inbox, VisitPlanning planning, CustomerCopies customers) {
        this.inbox = inbox;
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
            case "CustomerProfileChanged" -> customers.onProfile(envelope,
                    EventJson.payload(envelope, CustomerProfileChanged.class));
            case "CustomerErased" -> {
                var erased = EventJson.payload(envelope, com.huifang.contracts.events.CustomerErased.class);
                yield planning.onErased(envelope, erased).then(customers.onErased(envelope.tenantId(), erased.customerId()));
            }
            default -> Mono.empty();
        });
    }
}
