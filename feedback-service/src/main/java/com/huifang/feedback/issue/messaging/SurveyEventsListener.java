package com.huifang.feedback.issue.messaging;

import com.huifang.contracts.EventJson;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.SurveySubmitted;
import com.huifang.feedback.closedloop.ClosedLoop;
import com.huifang.feedback.issue.SurveyIntake;
import com.huifang.platform.messaging.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Survey responses: the answer of a re-contact visit confirms or reopens its issue (it raises no new one: a
 * dissatisfied customer reopens the issue they complained about); any other response raises an issue when
 * it calls for one.
 */
@Component
class SurveyEventsListener {

    private final Inbox inbox;
    private final SurveyIntake intake;
    private final ClosedLoop closedLoop;

    SurveyEventsListener(Inbox inbox, SurveyIntake intake, ClosedLoop closedLoop) {
        this.inbox = inbox;
        this.intake = intake;
        this.closedLoop = closedLoop;
    }

    @KafkaListener(topics = Topics.SURVEYS)
    void on(ConsumerRecord<String, String> record) {
        inbox.accept(record, "raise-issues", envelope -> {
            if (!"SurveySubmitted".equals(envelope.type())) {
                return Mono.empty();
            }
            var survey = EventJson.payload(envelope, SurveySubmitted.class);
            return closedLoop.isReContact(envelope.tenantId(), survey).flatMap(reContact -> reContact
                    ? closedLoop.reContactAnswered(envelope.tenantId(), survey)
                    : intake.fromSurvey(envelope, survey));
        });
    }
}
