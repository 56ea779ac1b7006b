package com.huifang.schedule.sampling.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.schedule.plan.domain.Channel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SamplingPlanTest {

    private final SamplingPlan plan = new SamplingPlan(SamplingPeriod.MONTH, SamplingPlan.householdTiers(),
            List.of(InclusionReason.NEW_CONTRACT, InclusionReason.NEW_STAFF_WORK, InclusionReason.STAFF_COMPLAINED_BEFORE),
            Channel.HOME_VISIT);

    private static List<Household> households(int n) {
        return IntStream.range(0, n).mapToObj(i -> Household.of("h" + i)).toList();
    }

    // Seed 001 §4.3: 300戶以上 10%;100戶-300戶 20%;100戶以下 30% — both bounds of 100–300 are in the 20 % tier.
    @Test
    void ninetyNineHouseholdsSampleThirtyPercentRoundedUp() {
        assertThat(plan.draw(households(99), 1).required()).isEqualTo(30);
    }

    @Test
    void exactlyOneHundredHouseholdsFallInTheTwentyPercentTier() {
        Sample s = plan.draw(households(100), 1);
        assertThat(s.tier().percent()).isEqualTo(20);
        assertThat(s.required()).isEqualTo(20);
    }

    @Test
    void exactlyThreeHundredHouseholdsFallInTheTwentyPercentTier() {
        assertThat(plan.draw(households(300), 1).required()).isEqualTo(60);
    }

    @Test
    void threeHundredAndOneHouseholdsSampleTenPercentRoundedUp() {
        Sample s = plan.draw(households(301), 1);
        assertThat(s.tier().percent()).isEqualTo(10);
        assertThat(s.required()).isEqualTo(31);
    }

    @Test
    void mandatoryInclusionsAreAlwaysInAndForcedToHomeVisits() {
        List<Household> served = new ArrayList<>(households(10));
        served.add(Household.of("new-contract", InclusionReason.NEW_CONTRACT));
        served.add(Household.of("complained", InclusionReason.STAFF_COMPLAINED_BEFORE));
        Sample s = plan.draw(served, 7);
        assertThat(s.required()).isEqualTo(4);
        assertThat(s.selected()).filteredOn(h -> !h.mandatory().isEmpty())
                .extracting(SampledHousehold::id).containsExactlyInAnyOrder("new-contract", "complained");
        assertThat(s.selected()).filteredOn(h -> !h.mandatory().isEmpty())
                .allSatisfy(h -> assertThat(h.forcedChannel()).isEqualTo(Channel.HOME_VISIT));
        assertThat(s.selected()).filteredOn(h -> h.mandatory().isEmpty()).hasSize(2)
                .allSatisfy(h -> assertThat(h.forcedChannel()).isNull());
    }

    @Test
    void theAnnouncedRequiredCountIsNeverBelowTheMandatoryHouseholds() {
        // 100 households, 25 of them new contracts: the tier asks ⌈20⌉ = 20, every one of the 25 must be called
        List<Household> served = new ArrayList<>(IntStream.range(0, 75).mapToObj(i -> Household.of("h" + i)).toList());
        IntStream.range(0, 25).forEach(i -> served.add(Household.of("n" + i, InclusionReason.NEW_CONTRACT)));
        Sample s = plan.draw(served, 3);
        assertThat(s.required()).isEqualTo(20);
        assertThat(s.mandatory()).isEqualTo(25);
        assertThat(s.requiredWithMandatory()).isEqualTo(25);
        assertThat(s.selected()).hasSize(25);
        // 120 households, 3 mandatory: 20 % → 24, the 3 among them
        List<Household> few = new ArrayList<>(households(117));
        IntStream.range(0, 3).forEach(i -> few.add(Household.of("n" + i, InclusionReason.NEW_STAFF_WORK)));
        Sample t = plan.draw(few, 3);
        assertThat(t.mandatory()).isEqualTo(3);
        assertThat(t.requiredWithMandatory()).isEqualTo(24);
        assertThat(t.selected()).hasSize(24);
    }

    @Property(tries = 200)
    void sampleMeetsTheTierAndIncludesEveryMandatoryHousehold(@ForAll @IntRange(min = 1, max = 700) int n,
                                                             @ForAll @IntRange(min = 0, max = 40) int mandatory,
                                                             @ForAll long seed) {
        List<Household> served = new ArrayList<>(households(n));
        for (int i = 0; i < mandatory; i++) {
            served.add(Household.of("m" + i, InclusionReason.NEW_STAFF_WORK));
        }
        Sample s = plan.draw(served, seed);
        int population = n + mandatory;
        int percent = population > 300 ? 10 : population >= 100 ? 20 : 30;
        assertThat(s.required()).isEqualTo((population * percent + 99) / 100);
        assertThat(s.selected().size()).isEqualTo(Math.max(s.required(), mandatory));
        assertThat(s.selected()).extracting(SampledHousehold::id)
                .doesNotHaveDuplicates()
                .containsAll(IntStream.range(0, mandatory).mapToObj(i -> "m" + i).toList());
    }

    @Property(tries = 100)
    void sameSeedGivesTheSameSampleWhateverTheInputOrder(@ForAll @IntRange(min = 1, max = 400) int n, @ForAll long seed) {
        List<Household> served = new ArrayList<>(households(n));
        Sample first = plan.draw(served, seed);
        Collections.shuffle(served, new Random(seed));
        assertThat(plan.draw(served, seed)).isEqualTo(first);
    }
}
