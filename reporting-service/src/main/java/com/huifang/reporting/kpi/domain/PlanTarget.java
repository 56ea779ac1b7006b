package com.huifang.reporting.kpi.domain;

import com.huifang.contracts.events.PlanTargetsChanged;
import java.time.Instant;

/**
 * The targets of one plan as its latest published version set them ({@code PlanTargetsChanged}, owned by
 * schedule-service): a copy in which the highest version wins, whatever order the events arrive in.
 *
 * @param coverage    target attempted rate (回访率) as a fraction 0–1, or null when the plan sets none
 * @param successRate target success rate (回访成功率) as a fraction 0–1, or null when the plan sets none
 */
public record PlanTarget(String tenantId, String planId, int version, String name, Double coverage,
                         Double successRate, boolean retired, Instant changedAt) {

    public PlanTarget {
        if (tenantId == null || planId == null || planId.isBlank()) {
            throw new IllegalArgumentException("plan targets need a tenant and a plan id");
        }
    }

    public static PlanTarget of(String tenantId, PlanTargetsChanged e) {
        return new PlanTarget(tenantId, e.planId(), e.version(), e.name(), fraction(e.coveragePercent()),
                fraction(e.successRatePercent()), e.retired(), e.changedAt());
    }

    private static Double fraction(Double percent) {
        return percent == null ? null : percent / 100.0;
    }

    /**
     * The one of this and {@code incoming} that wins: the higher version; at the same version the
     * retired one (schedule-service retires a plan under its last published version). Commutative and
     * idempotent, so the copy ends the same whatever order the events arrive in.
     */
    public PlanTarget merge(PlanTarget incoming) {
        if (incoming == null) {
            return this;
        }
        if (!tenantId.equals(incoming.tenantId()) || !planId.equals(incoming.planId())) {
            throw new IllegalArgumentException("Targets of " + incoming.tenantId() + "/" + incoming.planId()
                    + " are not about " + tenantId + "/" + planId);
        }
        if (incoming.version() != version) {
            return incoming.version() > version ? incoming : this;
        }
        return incoming.retired() && !retired ? incoming : this;
    }
}
