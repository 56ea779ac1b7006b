package com.huifang.survey.visit.messaging;

import com.huifang.contracts.Topics;
import com.huifang.platform.messaging.Inbox;
import com.huifang.survey.visit.VisitCopies;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class VisitEventsListener {

    private final Inbox inbox;
    private final VisitCopies copies;

    VisitEventsListener(Inbox inbox, VisitCopies copies) {
        this.inbox = inbox;
        this.copies = copies;
    }

    @KafkaListener(topics = Topics.VISITS)
    void on(ConsumerRecord<String, String> record) {
        inbox.accept(record, "visit-copies", copies::apply);
    }
}
