package com.huifang.survey.customer.messaging;

import com.huifang.contracts.Topics;
import com.huifang.platform.messaging.Inbox;
import com.huifang.survey.customer.CustomerCopies;
import com.huifang.survey.customer.CustomerErasure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Customer facts the scripts need (salutations, dates of service events) and erasures. */
@Component
class CustomerEventsListener {

    private final Inbox inbox;
    private final CustomerCopies copies;
    private final CustomerErasure erasure;

    CustomerEventsListener(Inbox inbox, CustomerCopies copies, CustomerErasure erasure) {
        this.inbox = inbox;
        this.copies = copies;
        this.erasure = erasure;
    }

    @KafkaListener(topics = Topics.CUSTOMERS)
    void on(ConsumerRecord<String, String> record) {
        inbox.accept(record, "customer-copies", envelope -> "CustomerErased".equals(envelope.type())
                ? erasure.erase(envelope)
                : copies.apply(envelope));
    }
}
