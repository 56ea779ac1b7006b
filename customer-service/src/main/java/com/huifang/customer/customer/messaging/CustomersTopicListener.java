package com.huifang.customer.customer.messaging;

import com.huifang.contracts.EventCatalog;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.CustomerErasureConfirmed;
import com.huifang.customer.customer.ErasureProgress;
import com.huifang.platform.messaging.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The one listener of customer-service on {@code huifang.customers}: other services' confirmations
 * that they anonymised an erased customer. Everything else on the topic — most of it this service's
 * own events — is ignored before the inbox, so it costs no marker write.
 */
@Component
class CustomersTopicListener {

    private static final java.util.Set<String> CONFIRMED =
            java.util.Set.of(EventCatalog.of(CustomerErasureConfirmed.class).type());

    private final Inbox inbox;
    private final ErasureProgress erasures;

    CustomersTopicListener(Inbox inbox, ErasureProgress erasures) {
        this.inbox = inbox;
        this.erasures = erasures;
    }

    @KafkaListener(topics = Topics.CUSTOMERS)
    void on(ConsumerRecord<String, String> record) {
        inbox.accept(record, "record-erasure-confirmation", CONFIRMED, envelope -> erasures.confirm(envelope.tenantId(),
                envelope.correlationId(), EventJson.payload(envelope, CustomerErasureConfirmed.class)));
    }
}
