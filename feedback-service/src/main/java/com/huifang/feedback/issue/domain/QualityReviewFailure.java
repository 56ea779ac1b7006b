package com.huifang.feedback.issue.domain;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A failed quality review (质检抽查) of one finished visit, as far as the issue it raises needs it.
 *
 * @param score       0–100
 * @param failedItems checklist item codes, e.g. {@code IDENTITY_CONFIRMED}
 * @param comment     the reviewer's comment (may be empty)
 * @param period      the review month, {@code yyyy-MM}
 */
public record QualityReviewFailure(String reviewId, String visitId, String customerId, String agentId,
                                   String reviewerId, double score, List<String> failedItems, String comment,
                                   String period) {

    public QualityReviewFailure {
        Objects.requireNonNull(reviewId, "reviewId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(agentId, "agentId");
        failedItems = failedItems == null ? List.of() : List.copyOf(failedItems);
        comment = comment == null ? "" : comment.strip();
    }

    /** 质检未通过 (2026-03), 得分 55/100; 未通过项: …; 评语: … */
    public String description() {
        var d = new StringBuilder("质检未通过");
        if (period != null && !period.isBlank()) {
            d.append(" (").append(period).append(')');
        }
        d.append(", 得分 ").append(String.format(Locale.ROOT, "%.0f", score)).append("/100");
        if (!failedItems.isEmpty()) {
            d.append("; 未通过项: ").append(String.join(", ", failedItems));
        }
        if (!comment.isEmpty()) {
            d.append("; 评语: ").append(comment);
        }
        if (reviewerId != null && !reviewerId.isBlank()) {
            d.append("; 质检员: ").append(reviewerId);
        }
        return d.toString();
    }
}
