package com.huifang.schedule.sampling.domain;

import java.util.List;

/**
 * The households to call back for one period.
 *
 * @param population distinct households served
 * @param tier       the tier the population falls in
 * @param required   ceil(population × percent / 100)
 * @param selected   mandatory inclusions first, then random draws; at least {@code required} unless
 *                   the population is smaller
 */
public record Sample(int population, SamplingTier tier, int required, List<SampledHousehold> selected) {

    public Sample {
        selected = List.copyOf(selected);
    }

    /** Households selected because they must always be (new contract, new staff, staff complained about). */
    public int mandatory() {
        return (int) selected.stream().filter(h -> !h.mandatory().isEmpty()).count();
    }

    /**
     * The count the period must reach to comply: the tier's share, and never fewer than the mandatory
     * households (every one of them must be called back whatever the ratio); at most the population.
     */
    public int requiredWithMandatory() {
        return Math.min(population, Math.max(required, mandatory()));
    }
}
