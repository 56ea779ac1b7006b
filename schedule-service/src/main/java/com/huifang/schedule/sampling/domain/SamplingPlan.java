package com.huifang.schedule.sampling.domain;

import com.huifang.schedule.plan.domain.Channel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * Draws the period's sample: every household with a mandatory-inclusion reason of this plan, then
     * households in a pseudo-random order fixed by {@code seed} until the tier's count is reached.
     * The same population and seed give the same sample whatever the input order (reruns agree).
     */
    public Sample draw(List<Household> served, long seed) {
        Map<String, Set<InclusionReason>> byId = new LinkedHashMap<>();
        for (Household h : served) {
            byId.computeIfAbsent(h.id(), k -> EnumSet.noneOf(InclusionReason.class)).addAll(h.reasons());
        }
        int population = byId.size();
        SamplingTier tier = tierFor(population);
        int required = tier.requiredOf(population);
        List<SampledHousehold> selected = new ArrayList<>();
        List<String> others = new ArrayList<>();
        byId.keySet().stream().sorted().forEach(id -> {
            Set<InclusionReason> mandatory = EnumSet.noneOf(InclusionReason.class);
            mandatory.addAll(byId.get(id));
            mandatory.retainAll(mandatoryInclusions);
            if (mandatory.isEmpty()) {
                others.add(id);
            } else {
                selected.add(new SampledHousehold(id, Set.copyOf(mandatory), forcedChannel));
            }
        });
        others.sort(Comparator.comparingLong((String id) -> mix(seed, id)).thenComparing(Comparator.naturalOrder()));
        for (int i = 0; selected.size() < required && i < others.size(); i++) {
            selected.add(new SampledHousehold(others.get(i), Set.of(), null));
        }
        return new Sample(population, tier, required, selected);
    }

    /** A stable 64-bit mix of the seed and the id (SplitMix64 finaliser); String.hashCode is specified. */
    private static long mix(long seed, String id) {
        long z = seed * 0x9E3779B97F4A7C15L + id.hashCode() + ((long) id.length() << 32);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
