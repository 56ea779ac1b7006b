package com.huifang.schedule.assignment.domain;

import static com.huifang.schedule.assignment.domain.AbsenceHandOverTest.WINDOW_OF;
import static com.huifang.schedule.support.Fixtures.PRC;
import static com.huifang.schedule.support.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-over of an absent agent's visits, over random teams, loads and visits: no window ever
 * overfilled, never the absent agent nor the staff checked, the first window where a colleague has
 * room, the least loaded colleague there, and a visit nobody can take left at its own time.
 */
class HandOverProperties {

    /** Four calling windows over two working days (Tue 2025-09-23, Wed 2025-09-24). */
    static final List<Instant> WINDOWS = List.of(sh("2025-09-23T10:00"), sh("2025-09-23T15:00"),
            sh("2025-09-24T10:00"), sh("2025-09-24T15:00"));
    static final List<String> COLLEAGUES = List.of("a1", "a3", "a4", "a5");
    static final ZoneId ZONE = PRC.zone();

    record Scenario(List<Agent> team, Map<String, Map<String, Integer>> load, List<Assigner.HandOverVisit> visits) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Agent> colleague = Combinators.combine(Arbitraries.integers().between(1, 3), Arbitraries.of(true, false))
                .as((cap, awayWednesday) -> new Agent("?", "t", Set.of(),
                        awayWednesday ? Set.of(LocalDate.parse("2025-09-24")) : Set.of(), cap));
        Arbitrary<List<Agent>> team = colleague.list().ofMinSize(1).ofMaxSize(4).map(list -> {
            List<Agent> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Agent a = list.get(i);
                out.add(new Agent(COLLEAGUES.get(i), "t", a.workingDays(), a.absences(), a.capacityPerWindow()));
            }
            out.add(new Agent("a2", "t", Set.of(), Set.of(), 3)); // the absent one, with room everywhere
            return out;
        });
        Arbitrary<Map<String, Map<String, Integer>>> load = Arbitraries.integers().between(0, 4).list().ofSize(WINDOWS.size() * COLLEAGUES.size())
                .map(counts -> {
                    Map<String, Map<String, Integer>> m = new HashMap<>();
                    for (int w = 0; w < WINDOWS.size(); w++) {
                        for (int a = 0; a < COLLEAGUES.size(); a++) {
                            int n = counts.get(w * COLLEAGUES.size() + a);
                            if (n > 0) {
                                m.computeIfAbsent(WINDOW_OF.apply(WINDOWS.get(w)), k -> new HashMap<>()).put(COLLEAGUES.get(a), n);
                            }
                        }
                    }
                    return m;
                });
        Arbitrary<Assigner.HandOverVisit> visit = Combinators.combine(Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(1, 4), Arbitraries.integers().between(0, 90),
                        Arbitraries.subsetOf("a1", "a2", "a3", "a4", "a5").ofMaxSize(3))
                .as((start, length, minutes, conflicted) -> {
                    Instant at = WINDOWS.get(start).plusSeconds(60L * minutes);
                    List<Instant> slots = new ArrayList<>(List.of(at));
                    slots.addAll(WINDOWS.subList(start + 1, Math.min(WINDOWS.size(), start + length)));
                    return new Assigner.HandOverVisit(new AssignmentRequest("v", "c", at, null, conflicted), slots);
                });
        Arbitrary<List<Assigner.HandOverVisit>> visits = visit.list().ofMaxSize(14).map(list -> {
            List<Assigner.HandOverVisit> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                AssignmentRequest r = list.get(i).request();
                out.add(new Assigner.HandOverVisit(new AssignmentRequest("v" + i, r.customerId(), r.dueAt(), null,
                        r.conflictedStaff()), list.get(i).slots()));
            }
            return out;
        });
        return Combinators.combine(team, load, visits).as(Scenario::new);
    }

    @Property(tries = 1000)
    void theHandOverFollowsThePerWindowAssignmentRules(@ForAll("scenarios") Scenario s) {
        List<Assigner.WindowedDecision> out = new Assigner().passOnFromAbsent("a2", s.visits(), s.team(), s.load(), WINDOW_OF, PRC);
        assertThat(out).hasSize(s.visits().size());
        Map<String, Map<String, Integer>> running = new HashMap<>();
        s.load().forEach((w, m) -> running.put(w, new HashMap<>(m)));
        for (int i = 0; i < out.size(); i++) {
            Assigner.HandOverVisit v = s.visits().get(i);
            Assigner.WindowedDecision d = out.get(i);
            assertThat(d.decision().visitId()).isEqualTo(v.request().visitId());
            int firstWithRoom = -1;
            for (int j = 0; j < v.slots().size() && firstWithRoom < 0; j++) {
                if (!withRoom(s.team(), v, v.slots().get(j), running).isEmpty()) {
                    firstWithRoom = j;
                }
            }
            if (firstWithRoom < 0) {
                // nobody anywhere: the team's queue, at its own time
                assertThat(d.decision().assigned()).isFalse();
                assertThat(d.dueAt()).isEqualTo(v.request().dueAt());
                continue;
            }
            Instant slot = v.slots().get(firstWithRoom);
            List<Agent> candidates = withRoom(s.team(), v, slot, running);
            String agent = d.decision().agentId();
            assertThat(d.dueAt()).as("the first window where a colleague has room").isEqualTo(slot);
            assertThat(agent).isNotEqualTo("a2").isNotIn(v.request().conflictedStaff());
            assertThat(candidates).extracting(Agent::id).contains(agent);
            Map<String, Integer> here = running.computeIfAbsent(WINDOW_OF.apply(slot), k -> new HashMap<>());
            int mine = here.getOrDefault(agent, 0);
            assertThat(candidates).as("least loaded").allSatisfy(c -> assertThat(here.getOrDefault(c.id(), 0)).isGreaterThanOrEqualTo(mine));
            here.merge(agent, 1, Integer::sum);
            Agent chosen = s.team().stream().filter(a -> a.id().equals(agent)).findFirst().orElseThrow();
            assertThat(here.get(agent)).as("never over capacity").isLessThanOrEqualTo(chosen.capacityPerWindow());
        }
    }

    /** The colleagues who could take the visit at {@code slot}: not absent, not conflicted, working, with room. */
    private static List<Agent> withRoom(List<Agent> team, Assigner.HandOverVisit v, Instant slot,
                                       Map<String, Map<String, Integer>> running) {
        LocalDate day = LocalDateTime.ofInstant(slot, ZONE).toLocalDate();
        Map<String, Integer> here = running.getOrDefault(WINDOW_OF.apply(slot), Map.of());
        Set<String> conflicted = new HashSet<>(v.request().conflictedStaff());
        return team.stream().filter(a -> !a.id().equals("a2") && !conflicted.contains(a.id()) && a.worksOn(day, PRC)
                && here.getOrDefault(a.id(), 0) < a.capacityPerWindow()).toList();
    }
}
