package com.huifang.schedule.visit.domain;

public enum PlanningOutcome {
    /** visits were planned */
    PLANNED,
    /** the plan does not apply to this event or customer category */
    NOT_TRIGGERED,
    /** the plan samples a period's population: the event joins the period, visits come from the sample */
    AWAITING_SAMPLING,
    /** the customer refuses all contact (or every channel): no contact is made and the visits count as refused */
    REFUSED
}
