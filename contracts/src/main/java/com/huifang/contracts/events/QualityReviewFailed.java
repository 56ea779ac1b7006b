package com.huifang.contracts.events;

import com.huifang.contracts.HuifangEvent;
import java.time.Instant;
import java.util.List;

/**
 * A monthly quality review (质检抽查) of a finished visit failed and the reviewer asked for an issue
 * against the agent: the feedback-service raises one (category {@code QUALITY_REVIEW}), routed to the
 * agent's supervisors, never to the agent.
 *
 * @param failedItems the checklist items that failed (codes such as {@code IDENTITY_CONFIRMED})
 * @param comment     the reviewer's comment (no personal data of the customer)
 * @param period      the review month, {@code yyyy-MM}
 */
public record QualityReviewFailed(String reviewId, String visitId, String customerId, String planId, String agentId,
                                  String reviewerId, double score, List<String> failedItems, String comment,
                                  String period, Instant reviewedAt) implements HuifangEvent {

    public QualityReviewFailed {
        failedItems = failedItems == null ? List.of() : List.copyOf(failedItems);
    }

    @Override
    public String key() {
        return customerId;
    }
}
