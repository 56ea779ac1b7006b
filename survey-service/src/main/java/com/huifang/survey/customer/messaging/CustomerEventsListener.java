package com.huifang.survey.customer.messaging;

import com.huifang.contracts.Topics;
import com.huifang.platform.messaging.Inbox;
import com.huifang.survey.customer.CustomerCopies;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Customer facts the scripts need: salutations, erasures and the dates of service events. */
@Component
class CustomerEventsListener {

    private final Inbox inbox;
    private final CustomerCopies copies;

    CustomerEventsListener(Inbox inbox, CustomerCopies copies) {
        this.inbox = inbox;
        this.copies = copies;
    }

    @KafkaListener(topics = Topics.CUSTOMERS)
    void on(ConsumerRecord<String, String> record) {
        inbox.accept(record, "customer-copies", copies::apply);
    }
}
