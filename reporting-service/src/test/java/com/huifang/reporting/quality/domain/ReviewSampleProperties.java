package com.huifang.reporting.quality.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The monthly review sample: its size per agent, its determinism, and never the reviewer's own visits. */
class ReviewSampleProperties {

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @Property(tries = 300)
    void eachAgentGetsTheShareRoundedUpButAtLeastTheMinimumAndNeverMoreThanFinished(
            @ForAll("visits") List<FinishedVisit> visits, @ForAll("policies") SamplingPolicy policy) {
        ReviewSample sample = ReviewSample.draw("t1", NOVEMBER, policy, visits);
        for (ReviewSample.AgentSample a : sample.agents()) {
            List<String> own = visits.stream().filter(v -> v.agentId().equals(a.agentId())).map(FinishedVisit::visitId)
                    .distinct().toList();
            int n = own.size();
            assertThat(a.finished()).isEqualTo(n);
            assertThat(a.visitIds()).hasSize(Math.min(n, Math.max(policy.minimum(),
                    (int) Math.ceil(policy.share() * n - 1e-9))));
            assertThat(a.visitIds().size()).isGreaterThanOrEqualTo(Math.min(n, policy.minimum()));
            assertThat((double) a.visitIds().size()).isGreaterThanOrEqualTo(n * policy.share() - 1e-9);
            assertThat(own).containsAll(a.visitIds());
            assertThat(new HashSet<>(a.visitIds())).hasSameSizeAs(a.visitIds());
        }
        assertThat(sample.agents()).extracting(ReviewSample.AgentSample::agentId)
                .containsExactlyInAnyOrderElementsOf(visits.stream().map(FinishedVisit::agentId).distinct().toList());
    }

    @Property(tries = 200)
    void aReRunInAnyOrderDrawsTheSameVisits(@ForAll("visits") List<FinishedVisit> visits,
                                            @ForAll("policies") SamplingPolicy policy, @ForAll long shuffleSeed) {
        List<FinishedVisit> shuffled = new ArrayList<>(visits);
        Collections.shuffle(shuffled, new Random(shuffleSeed));
        assertThat(ReviewSample.draw("t1", NOVEMBER, policy, shuffled))
                .isEqualTo(ReviewSample.draw("t1", NOVEMBER, policy, visits));
    }

    @Property(tries = 200)
    void aReviewerIsNeverOfferedTheirOwnVisits(@ForAll("visits") List<FinishedVisit> visits,
                                               @ForAll("policies") SamplingPolicy policy,
                                               @ForAll("agents") String reviewer) {
        ReviewSample sample = ReviewSample.draw("t1", NOVEMBER, policy, visits);
        Set<String> ownVisits = new HashSet<>();
        visits.stream().filter(v -> v.agentId().equals(reviewer)).forEach(v -> ownVisits.add(v.visitId()));
        for (ReviewSample.AgentSample offered : sample.offeredTo(reviewer)) {
            assertThat(offered.agentId()).isNotEqualTo(reviewer);
            assertThat(offered.visitIds()).noneMatch(ownVisits::contains);
        }
    }

    @Property(tries = 100)
    void aVisitFinishedLateDoesNotReshuffleTheOthers(@ForAll @IntRange(min = 1, max = 80) int n) {
        // with a share alone (no minimum), adding a visit keeps the earlier draw as a prefix of the ranking
        SamplingPolicy policy = new SamplingPolicy(0.1, 0);
        List<FinishedVisit> visits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            visits.add(new FinishedVisit("v" + i, "a1"));
        }
        List<String> before = ReviewSample.draw("t1", NOVEMBER, policy, visits).agents().get(0).visitIds();
        visits.add(new FinishedVisit("late", "a1"));
        List<String> after = ReviewSample.draw("t1", NOVEMBER, policy, visits).agents().get(0).visitIds();
        List<String> afterWithoutLate = after.stream().filter(id -> !id.equals("late")).toList();
        int common = Math.min(before.size(), afterWithoutLate.size());
        assertThat(afterWithoutLate.subList(0, common)).containsExactlyElementsOf(before.subList(0, common));
        // at most the one visit the late one outranked leaves the sample
        assertThat(before.stream().filter(id -> !after.contains(id)).count()).isLessThanOrEqualTo(1);
    }

    @Provide
    Arbitrary<List<FinishedVisit>> visits() {
        return Combinators.combine(Arbitraries.integers().between(0, 300), agents())
                .as((i, a) -> new FinishedVisit("v" + i, a)).list().ofMaxSize(200)
                // a visit has one agent: keep the first agent drawn for each visit id
                .map(list -> {
                    Set<String> seen = new HashSet<>();
                    List<FinishedVisit> out = new ArrayList<>();
                    list.forEach(v -> {
                        if (seen.add(v.visitId())) {
                            out.add(v);
                        }
                    });
                    return out;
                });
    }

    @Provide
    Arbitrary<String> agents() {
        return Arbitraries.of("a1", "a2", "a3", "s1");
    }

    @Provide
    Arbitrary<SamplingPolicy> policies() {
        return Combinators.combine(Arbitraries.integers().between(1, 100), Arbitraries.integers().between(0, 10))
                .as((percent, min) -> new SamplingPolicy(percent / 100.0, min));
    }
}
