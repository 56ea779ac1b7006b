package com.huifang.schedule.plan.domain;

/** How an offset is counted: calendar days, working days of the tenant calendar, or hours. */
public enum OffsetUnit {
    CALENDAR_DAYS,
    WORKING_DAYS,
    HOURS
}
