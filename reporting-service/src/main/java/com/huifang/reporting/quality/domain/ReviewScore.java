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

    /** The score as a percentage of the full score (comparable across checklists). */
    public double percent() {
        return max == 0 ? 0 : 100.0 * total / max;
    }
}
