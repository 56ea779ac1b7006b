package com.huifang.contracts.events;

import com.huifang.contracts.HuifangEvent;
import java.time.Instant;

/**
 * A sampling plan's sample for one period was drawn (seed 001: each month call back ≥ 10 % / 20 % /
 * 30 % of the households served, some always). reporting-service judges sampling compliance against
 * these exact figures instead of inferring them. A repeated draw of the same period picks the same
 * households and publishes the same event id.
 *
 * @param period     {@code yyyy-MM} or {@code yyyy-Qn}, in the tenant's zone
 * @param population distinct households served in the period
 * @param tierPercent the tier's share, e.g. 20 for 100–300 households
 * @param required   ceil(population × tierPercent / 100), never below {@code mandatory}, at most the population
 * @param mandatory  households that must be in every sample (new contract, new staff, staff complained about)
 * @param selected   households selected (mandatory first, then random)
 */
public record SampleDrawn(String planId, String period, int population, double tierPercent, int required,
                          int mandatory, int selected, Instant drawnAt) implements HuifangEvent {

    @Override
    public String key() {
        return planId;
    }
}
