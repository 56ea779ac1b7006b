package com.huifang.schedule.plan.domain;

import java.util.List;

/**
 * A stage that repeats: occurrence n (1-based) is anchored n intervals after the stage's anchor.
 *
 * @param kind                yearly or every N weeks
 * @param interval            years for YEARLY, weeks for EVERY_N_WEEKS (≥ 1)
 * @param stopWhenCategoryIn  stop once the customer's category is one of these (e.g. ACTIVE_MEMBER)
 * @param maxOccurrences      stop after this many repeats; null means no limit
 */
public record Recurrence(RecurrenceKind kind, int interval, List<String> stopWhenCategoryIn, Integer maxOccurrences) {

    public Recurrence {
        stopWhenCategoryIn = stopWhenCategoryIn == null ? List.of() : List.copyOf(stopWhenCategoryIn);
    }
}
