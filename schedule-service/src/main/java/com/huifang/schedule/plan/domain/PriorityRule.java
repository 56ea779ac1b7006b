package com.huifang.schedule.plan.domain;

import java.math.BigDecimal;

/**
 * Raises a visit's priority when the event matches: an event type (a no-show with a booked time)
 * and/or a numeric attribute at least some amount (a large project). Seed 003: level 1 no-show with
 * booked time, level 2 large projects, level 3 undecided leads.
 */
public record PriorityRule(String eventType, String attribute, BigDecimal atLeast, int level) {
}
