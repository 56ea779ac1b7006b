package com.huifang.feedback.issue.messaging;

import com.huifang.contracts.EventJson;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.SurveySubmitted;
import com.huifang.feedback.issue.IssueIntake;
import com.huifang.platform.messaging.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Raises issues from survey responses that call for one. */
@Component
class SurveyEventsListener {

    private final Inbox inbox;
    private final IssueIntake intake;

    SurveyEventsListener(Inbox inbox, IssueIntake intake) {
        this.inbox = inbox;
        this.intake = intake;
    }

    @KafkaListener(topics = Topics.SURVEYS)
    void on(ConsumerRecord<String, String> record) {
        inbox.accept(record, "raise-issues", envelope -> switch (envelope.type()) {
            case "SurveySubmitted" -> intake.fromSurvey(envelope, EventJson.payload(envelope, SurveySubmitted.class));
            default -> Mono.empty();
        });
    }
}
