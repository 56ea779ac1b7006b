package com.huifang.reporting.kpi.domain;

import java.util.Comparator;
import java.util.List;

/**
 * The sampling ratio required for a period, by the number of households (customers) served in it.
 * Seed 001 (回访工作管理制度): "more than 300: ≥ 10 %, 100–300: ≥ 20 %, fewer than 100: ≥ 30 %".
 *
 * @param tiers each tier applies from {@code minServed} (inclusive) upwards until the next one
 */
public record SamplingTiers(List<Tier> tiers) {

    /** @param ratio the share 0–1 of served households that must be called back */
    public record Tier(long minServed, double ratio) {
        public Tier {
            if (minServed < 0 || ratio < 0 || ratio > 1) {
                throw new ReportRequestException("samplingTiers", "a tier needs minServed ≥ 0 and a ratio 0–1");
            }
        }
    }

    /** Result for one period. */
    public record Compliance(long served, double requiredRatio, long required, long done, boolean compliant,
                             Double achievedRatio) {
    }

    /** Seed 001: &lt;100 → 30 %, 100–300 → 20 %, &gt;300 → 10 %. */
    public static final SamplingTiers SEED_001 = new SamplingTiers(List.of(
            new Tier(0, 0.30), new Tier(100, 0.20), new Tier(301, 0.10)));

    public SamplingTiers {
        if (tiers == null || tiers.isEmpty()) {
            throw new ReportRequestException("samplingTiers", "at least one tier is required");
        }
        tiers = tiers.stream().sorted(Comparator.comparingLong(Tier::minServed)).toList();
    }

    public double ratioFor(long served) {
        double ratio = tiers.get(0).ratio();
        for (Tier t : tiers) {
            if (served >= t.minServed()) {
                ratio = t.ratio();
            }
        }
        return ratio;
    }

    /**
     * Required = ⌈served × ratio⌉ visits; compliant when done ≥ required.
     *
     * @param done the visits done in the period (successful visits of the sampled population)
     */
    public Compliance evaluate(long served, long done) {
        double ratio = ratioFor(served);
        // round the product first so 0.1 × 300 is 30, not 31 through floating-point error
        long required = (long) Math.ceil(Math.round(served * ratio * 1e6) / 1e6);
        Double achieved = served == 0 ? null : (double) done / served;
        return new Compliance(served, ratio, required, done, done >= required, achieved);
    }
}
