package com.huifang.schedule.plan.domain;

import java.util.List;

/**
 * Re-planning when a case's dates move ("again if completion slips"): an event of one of these
 * types re-plans the named stages of the same case; their open visits are superseded.
 */
public record Replan(List<String> eventTypes, List<String> stages) {

    public Replan {
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
        stages = stages == null ? List.of() : List.copyOf(stages);
    }
}
