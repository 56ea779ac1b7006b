package com.huifang.schedule.plan.domain;

import java.math.BigDecimal;

/**
 * What the plan must achieve: coverage (share of due visits attempted, 100 % for new insurance
 * policies) and success rate (≥ 90 %, seed 004), both in percent; null when not set.
 */
public record Targets(BigDecimal coveragePercent, BigDecimal successRatePercent) {
}
