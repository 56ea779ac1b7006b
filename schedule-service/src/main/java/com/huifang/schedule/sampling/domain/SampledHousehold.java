package com.huifang.schedule.sampling.domain;

import com.huifang.schedule.plan.domain.Channel;
import java.util.Set;

/**
 * A household drawn in the sample.
 *
 * @param id            household id
 * @param mandatory     the reasons it was always included; empty if drawn at random
 * @param forcedChannel channel forced on it (HOME_VISIT for mandatory inclusions); null if none
 */
public record SampledHousehold(String id, Set<InclusionReason> mandatory, Channel forcedChannel) {
}
