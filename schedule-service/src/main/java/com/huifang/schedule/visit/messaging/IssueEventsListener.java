package com.huifang.schedule.visit.messaging;

import com.huifang.contracts.EventJson;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.IssueResolved;
import com.huifang.platform.messaging.Inbox;
import com.huifang.schedule.visit.VisitPlanning;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Plans the re-contact visit of each resolved issue. */
@Component
class IssueEventsListener {

    private final Inbox inbox;
    private final VisitPlanning planning;

    IssueEventsListener(Inbox inbox, VisitPlanning planning) {
        this.inbox = inbox;
        this.planning = planning;
    }

    @KafkaListener(topics = Topics.ISSUES)
    void on(ConsumerRecord<String, String> record) {
        inbox.accept(record, "plan-recontact", envelope -> "IssueResolved".equals(envelope.type())
                ? planning.onIssueResolved(envelope, EventJson.payload(envelope, IssueResolved.class))
                : Mono.empty());
    }
}
