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
}
