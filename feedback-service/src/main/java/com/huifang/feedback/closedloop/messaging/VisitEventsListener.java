package com.huifang.feedback.closedloop.messaging;

import com.huifang.contracts.EventJson;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.QualityReviewFailed;
import com.huifang.contracts.events.VisitCompleted;
import com.huifang.contracts.events.VisitPlanned;
import com.huifang.feedback.closedloop.ClosedLoop;
import com.huifang.feedback.issue.QualityReviewIntake;
import com.huifang.platform.messaging.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The one listener of {@code huifang.visits}: keeps the copy of re-contact visits, notes those that ended without
 * reaching the customer, and raises an issue for each failed quality review.
 */
@Component
class VisitEventsListener {

    private final Inbox inbox;
    private final ClosedLoop closedLoop;
    private final QualityReviewIntake qualityReviews;

    VisitEventsListener(Inbox inbox, ClosedLoop closedLoop, QualityReviewIntake qualityReviews) {
        this.inbox = inbox;
        this.closedLoop = closedLoop;
        this.qualityReviews = qualityReviews;
    }

    @KafkaListener(topics = Topics.VISITS)
    void on(ConsumerRecord<String, String> record) {
        inbox.accept(record, "recontact-visits", envelope -> switch (envelope.type()) {
            case "VisitPlanned" -> closedLoop.visitPlanned(envelope.tenantId(),
                    EventJson.payload(envelope, VisitPlanned.class));
            case "VisitCompleted" -> closedLoop.visitCompleted(envelope.tenantId(),
                    EventJson.payload(envelope, VisitCompleted.class));
            case "QualityReviewFailed" -> qualityReviews.fromReview(envelope,
                    EventJson.payload(envelope, QualityReviewFailed.class));
            default -> Mono.empty();
        });
    }
}
