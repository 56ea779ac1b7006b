package com.huifang.reporting.facts.messaging;

import com.huifang.contracts.Topics;
import com.huifang.platform.messaging.Inbox;
import com.huifang.reporting.compliance.CustomerErasure;
import com.huifang.reporting.facts.FactProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds every customer, visit, survey and issue event, and the tenants' calendars (their time zone), into the facts. */
@Component
class AllEventsListener {

    private final Inbox inbox;
    private final FactProjection projection;
    private final CustomerErasure erasure;

    AllEventsListener(Inbox inbox, FactProjection projection, CustomerErasure erasure) {
        this.inbox = inbox;
        this.projection = projection;
        this.erasure = erasure;
    }

    @KafkaListener(topics = {Topics.CUSTOMERS, Topics.VISITS, Topics.SURVEYS, Topics.ISSUES, Topics.TENANT_SETTINGS})
    void on(ConsumerRecord<String, String> record) {
        // a CustomerErased is confirmed once reporting's copies are anonymised, in the same guarded handler
        inbox.accept(record, "facts", envelope -> projection.apply(envelope).then(erasure.afterProjection(envelope)));
    }
}
