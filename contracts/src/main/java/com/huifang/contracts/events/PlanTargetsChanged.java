package com.huifang.contracts.events;

import com.huifang.contracts.HuifangEvent;
import java.time.Instant;

/**
 * A plan version was published (or retired) with its targets (PRODUCT.md: plans carry coverage and
 * success-rate targets). reporting-service keeps the latest version per plan and judges each plan's
 * figures against it. Published on the tenant-settings topic.
 *
 * @param coveragePercent    target share of due visits attempted, 0–100, or null when the plan sets none
 * @param successRatePercent target success rate (回访成功率), 0–100, or null when the plan sets none
 * @param retired            true when the plan no longer plans visits (its targets still judge the past)
 */
public record PlanTargetsChanged(String planId, int version, String name, Double coveragePercent,
                                 Double successRatePercent, boolean retired, Instant changedAt)
        implements HuifangEvent {

    @Override
    public String key() {
        return planId;
    }
}
