package com.huifang.schedule.sampling.domain;

/**
 * A population band and the share of it to call back.
 *
 * @param minHouseholds inclusive lower bound
 * @param maxHouseholds inclusive upper bound; null means no upper bound
 * @param percent       at least this share, rounded up
 */
public record SamplingTier(int minHouseholds, Integer maxHouseholds, int percent) {

    public boolean covers(int households) {
        return households >= minHouseholds && (maxHouseholds == null || households <= maxHouseholds);
    }

    /** The count to sample from a population in this tier: percent of it, rounded up. */
    public int requiredOf(int households) {
        return (int) ((households * (long) percent + 99) / 100);
    }
}
