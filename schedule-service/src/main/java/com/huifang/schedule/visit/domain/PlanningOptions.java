package com.huifang.schedule.visit.domain;

import com.huifang.schedule.plan.domain.Channel;

/**
 * How a plan is applied beyond the event itself.
 *
 * @param sampled       the event's household was drawn in the period's sample (sampling plans plan
 *                      visits only then)
 * @param forcedChannel a channel the sample forces (HOME_VISIT for mandatory inclusions); null if none
 */
public record PlanningOptions(boolean sampled, Channel forcedChannel) {

    public static final PlanningOptions NONE = new PlanningOptions(false, null);

    public static PlanningOptions sampled(Channel forcedChannel) {
        return new PlanningOptions(true, forcedChannel);
    }
}
