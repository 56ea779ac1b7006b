package com.huifang.feedback.erasure.messaging;

import com.huifang.contracts.Topics;
import com.huifang.feedback.erasure.CustomerErasure;
import com.huifang.platform.messaging.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The one listener of {@code huifang.customers} in feedback-service: erasures; other customer events are ignored. */
@Component
class CustomerEventsListener {

    private final Inbox inbox;
    private final CustomerErasure erasure;

    CustomerEventsListener(Inbox inbox, CustomerErasure erasure) {
        this.inbox = inbox;
        this.erasure = erasure;
    }

    @KafkaListener(topics = Topics.CUSTOMERS)
    void on(ConsumerRecord<String, String> record) {
        inbox.accept(record, "customer-erasure", envelope -> switch (envelope.type()) {
            case "CustomerErased" -> erasure.erase(envelope);
            default -> Mono.empty();
        });
    }
}
