package com.huifang.schedule.plan.domain;

public enum RecurrenceKind {
    /** every policyholder at least once a year; furniture again one year after installation */
    YEARLY,
    /** a dormant member every N weeks until active again */
    EVERY_N_WEEKS
}
