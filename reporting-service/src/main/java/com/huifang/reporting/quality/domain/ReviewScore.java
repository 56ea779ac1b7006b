package com.huifang.reporting.quality.domain;

import java.util.List;
import java.util.Map;

/**
 * A scored review.
 *
 * @param points      points per item, every item of the checklist present
 * @param total       sum of the points
 * @param max         the checklist's full score
 * @param passed      total ≥ pass mark and every critical item at full points
 * @param failedItems items below full points that decided a failure (critical items), or all items below
 *                    full points when the total decided it
 */
public record ReviewScore(Map<ChecklistItem, Integer> points, int total, int max, boolean passed,
                          List<ChecklistItem> failedItems) {

    public ReviewScore {
        points = Map.copyOf(points);
        failedItems = List.copyOf(failedItems);
    }

    /**
     * Whether this review raises an issue against the agent (a QualityReviewFailed event; the
     * feedback-service opens it): a failed review raises one when the reviewer asks for it, and always
     * when a critical item failed — a visit that confirmed nobody's identity or promised beyond policy is
     * misconduct that must be followed up whatever the reviewer chose (PRODUCT.md: misconduct goes
     * straight to an issue). A passed review never raises one.
     *
     * @param requested the reviewer asked for an issue
     * @throws QualityRuleException (INVALID, field {@code raiseIssue}) when asked for on a passed review
     */
    public boolean raisesIssue(boolean requested) {
        if (passed) {
            if (requested) {
                throw QualityRuleException.invalid("raiseIssue", "passed", "quality.review.issue-needs-failure");
            }
            return false;
        }
        return requested || failedItems.stream().anyMatch(ChecklistItem::critical);
    }

    /** The score as a percentage of the full score (comparable across checklists). */
    public double percent() {
        return max == 0 ? 0 : 100.0 * total / max;
    }
}
