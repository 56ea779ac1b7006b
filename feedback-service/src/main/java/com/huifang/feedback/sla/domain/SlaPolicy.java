package com.huifang.feedback.sla.domain;

import com.huifang.feedback.routing.domain.UnknownCategoryException;
import java.util.Map;
import java.util.Objects;

/** A tenant's SLA targets per category code. */
public final class SlaPolicy {

    private final Map<String, SlaTargets> byCategory;

    public SlaPolicy(Map<String, SlaTargets> byCategory) {
        this.byCategory = Map.copyOf(byCategory);
    }

    /** @throws UnknownCategoryException when the tenant set no targets for this category code */
    public SlaTargets targetsFor(String categoryCode) {
        Objects.requireNonNull(categoryCode, "categoryCode");
        var targets = byCategory.get(categoryCode);
        if (targets == null) {
            throw new UnknownCategoryException(categoryCode);
        }
        return targets;
    }
}
