package com.huifang.reporting.facts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A replay gives the same figures: any permutation of the events, with any of them delivered again,
 * projects to equal facts and equal daily facts.
 */
class ProjectionOrderProperties {

    private static final List<AppliedEvent> FIXTURE = NovemberFixture.events();
    private static final ReportingProjection IN_ORDER = NovemberFixture.project(FIXTURE);

    @Property(tries = 300)
    void fixtureInAnyOrderWithDuplicatesGivesTheSameFacts(@ForAll("shuffledWithDuplicates") List<AppliedEvent> events) {
        ReportingProjection p = NovemberFixture.project(events);
        assertThat(p.snapshot()).isEqualTo(IN_ORDER.snapshot());
        assertThat(p.dailyFacts().asMap()).isEqualTo(IN_ORDER.dailyFacts().asMap());
        assertThat(p.dailyFacts().staffFacts()).containsExactlyInAnyOrderElementsOf(IN_ORDER.dailyFacts().staffFacts());
    }

    @Provide
    Arbitrary<List<AppliedEvent>> shuffledWithDuplicates() {
        return Arbitraries.integers().between(0, FIXTURE.size() - 1).list().ofMaxSize(40).flatMap(dups -> {
            List<AppliedEvent> all = new ArrayList<>(FIXTURE);
            dups.forEach(i -> all.add(FIXTURE.get(i)));
            return Arbitraries.shuffle(all);
        });
    }

    /** Random visit histories, including conflicting completions and re-sent surveys. */
    @Property(tries = 200)
    void generatedHistoriesInAnyOrderGiveTheSameFacts(@ForAll("histories") List<AppliedEvent> events, @ForAll long seed) {
        List<AppliedEvent> shuffled = new ArrayList<>(events);
        shuffled.addAll(events.subList(0, events.size() / 3));
        java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
        ReportingProjection a = NovemberFixture.project(events);
        ReportingProjection b = NovemberFixture.project(shuffled);
        assertThat(b.snapshot()).isEqualTo(a.snapshot());
        assertThat(b.dailyFacts().asMap()).isEqualTo(a.dailyFacts().asMap());
    }

    @Provide
    Arbitrary<List<AppliedEvent>> histories() {
        // event ids are unique per event: two histories of one visit id would reuse ids for different payloads
        return visitHistory().list().ofMinSize(1).ofMaxSize(12)
                .uniqueElements(h -> VisitFact.visitIdOf(h.get(0))).map(lists -> {
            List<AppliedEvent> all = new ArrayList<>();
            lists.forEach(all::addAll);
            return all;
        });
    }

    private Arbitrary<List<AppliedEvent>> visitHistory() {
        Arbitrary<String> visit = Arbitraries.strings().withChars("abcdef").ofLength(3).map(s -> "v-" + s);
        Arbitrary<String> agent = Arbitraries.of("a1", "a2", "a3");
        Arbitrary<String> result = Arbitraries.of("COMPLETED", "FAILED", "REFUSED", "CANCELLED", "WEIRD");
        Arbitrary<Integer> dueMinutes = Arbitraries.integers().between(0, 60 * 24 * 40);
        Arbitrary<Integer> attempts = Arbitraries.integers().between(0, 4);
        Arbitrary<Integer> nps = Arbitraries.integers().between(0, 10).injectNull(0.3);
        return Combinators.combine(visit, agent, result, dueMinutes, attempts, nps, result)
                .as((v, a, r, minutes, n, score, r2) -> {
                    String t = NovemberFixture.TENANT;
                    Instant due = Instant.parse("2026-10-25T00:00:00Z").plus(Duration.ofMinutes(minutes));
                    List<AppliedEvent> e = new ArrayList<>();
                    e.add(ReportingEvents.planned(t, v, "se1", "P1", due, due.plusSeconds(86_400 * 3), "PHONE", a));
                    e.add(ReportingEvents.due(t, v, "P1", due, due.plusSeconds(86_400 * 3), "PHONE", a));
                    for (int i = 1; i <= n; i++) {
                        e.add(ReportingEvents.attempted(t, v, "P1", i, "NO_ANSWER", a, due.plusSeconds(600L * i)));
                    }
                    e.add(ReportingEvents.completed(t, v, "P1", r, n % 2 == 0 ? "PHONE" : "LETTER", a,
                            due.plusSeconds(7200), null, n < 3, n));
                    // a second, conflicting completion at the very same instant: the larger event id wins
                    e.add(ReportingEvents.event(t, "completed-again-" + v, due.plusSeconds(7200),
                            new com.huifang.contracts.events.VisitCompleted(v, "c-" + v, "P1", r2, "PHONE", a,
                                    due.plusSeconds(7200), null, true, n)));
                    if (score != null) {
                        e.add(ReportingEvents.survey(t, v, "P1", a, due.plusSeconds(7300), score / 2.0, score >= 8,
                                score, null, score < 5, "comment " + v));
                        e.add(ReportingEvents.issueRaised(t, "i-" + v, v, "NORMAL", due.plusSeconds(7400), "s1"));
                    }
                    if (n == 4) {
                        e.add(ReportingEvents.event(t, "erased-" + v, due.plusSeconds(9000),
                                new com.huifang.contracts.events.CustomerErased("c-" + v, "req-" + v, due.plusSeconds(9000))));
                    }
                    return e;
                });
    }
}
