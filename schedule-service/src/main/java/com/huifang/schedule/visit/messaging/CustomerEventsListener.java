package com.huifang.schedule.visit.messaging;

import com.huifang.contracts.EventJson;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.CustomerConsentChanged;
import com.huifang.contracts.events.ServiceEventRecorded;
import com.huifang.platform.messaging.Inbox;
import com.huifang.schedule.visit.VisitPlanning;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Plans visits from recorded service events; keeps and applies consent changes. */
@Component
class CustomerEventsListener {

    private final Inbox inbox;
    private final VisitPlanning planning;

    CustomerEventsListener(Inbox inbox, VisitPlanning planning) {
        this.inbox = inbox;
        this.planning = planning;
    }

    @KafkaListener(topics = Topics.CUSTOMERS)
    void on(ConsumerRecord<String, String> record) {
        inbox.accept(record, "plan-visits", envelope -> switch (envelope.type()) {
            case "ServiceEventRecorded" -> planning.onServiceEvent(envelope,
                    EventJson.payload(envelope, ServiceEventRecorded.class));
            case "CustomerConsentChanged" -> planning.onConsent(envelope,
                    EventJson.payload(envelope, CustomerConsentChanged.class));
            case "CustomerErased" -> planning.onErased(envelope,
                    EventJson.payload(envelope, com.huifang.contracts.events.CustomerErased.class));
            default -> Mono.empty();
        });
    }
}
