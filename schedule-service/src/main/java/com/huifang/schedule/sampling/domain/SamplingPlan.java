package com.huifang.schedule.sampling.domain;

import com.huifang.schedule.plan.domain.Channel;
import java.util.List;

/**
 * Sampling of households served per period instead of calling every one.
 *
 * @param period                 month or quarter
 * @param tiers                  population bands, contiguous from 0, without overlap
 * @param mandatoryInclusions    reasons that put a household in the sample whatever the ratio
 * @param forcedChannel          channel forced for mandatory inclusions (HOME_VISIT per seed 001); null if none
 */
public record SamplingPlan(
        SamplingPeriod period,
        List<SamplingTier> tiers,
        List<InclusionReason> mandatoryInclusions,
        Channel forcedChannel) {

    public SamplingPlan {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        mandatoryInclusions = mandatoryInclusions == null ? List.of() : List.copyOf(mandatoryInclusions);
    }

    /**
     * Seed 001 §4.3: "300戶以上…不低於10%;100戶-300戶…不低於20%;100戶以下…不低於30%". The 100–300 band
     * names both bounds, so exactly 100 and exactly 300 households fall in the 20 % tier; it is also
     * the stricter reading of "300戶以上", and the ratios are minimums.
     */
    public static List<SamplingTier> householdTiers() {
        return List.of(
                new SamplingTier(0, 99, 30),
                new SamplingTier(100, 300, 20),
                new SamplingTier(301, null, 10));
    }

    public SamplingTier tierFor(int households) {
        return tiers.stream()
                .filter(t -> t.covers(households))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sampling tier covers " + households + " households"));
    }
}
