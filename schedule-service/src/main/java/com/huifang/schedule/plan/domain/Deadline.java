package com.huifang.schedule.plan.domain;

/**
 * The latest time a visit still counts as on time (success after it counts, but not on time).
 *
 * @param offset   counted from its own anchor: the event ("within 2 days", "within 24 hours") or an
 *                 attribute date (the policy receipt date, for the cooling-off period)
 * @param endOfDay move the deadline to the end of its local day (23:59:59), for day-granular rules
 */
public record Deadline(Offset offset, boolean endOfDay) {
}
