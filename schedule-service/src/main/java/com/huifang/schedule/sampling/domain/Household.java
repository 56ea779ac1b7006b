package com.huifang.schedule.sampling.domain;

import java.util.Set;

/**
 * One household served in the period, with the reasons it must be sampled (if any).
 *
 * @param id      household (customer) id
 * @param reasons mandatory-inclusion reasons that apply to it
 */
public record Household(String id, Set<InclusionReason> reasons) {

    public Household {
        reasons = reasons == null ? Set.of() : Set.copyOf(reasons);
    }

    public static Household of(String id, InclusionReason... reasons) {
        return new Household(id, Set.of(reasons));
    }
}
