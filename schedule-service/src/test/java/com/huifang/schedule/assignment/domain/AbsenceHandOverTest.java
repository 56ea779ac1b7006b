package com.huifang.schedule.assignment.domain;

import static com.huifang.schedule.support.Fixtures.PRC;
import static com.huifang.schedule.support.Fixtures.TENANT;
import static com.huifang.schedule.support.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.schedule.plan.domain.CallingTimes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** An absent agent's hand-over counts capacity per calling window, as a new visit's assignment does. */
class AbsenceHandOverTest {

    static final CallingTimes WINDOWS = new CallingTimes(PRC, TENANT.callingWindows(), false);
    static final Function<Instant, String> WINDOW_OF =
            t -> LocalDateTime.ofInstant(t, WINDOWS.zone()).toLocalDate() + "#" + WINDOWS.windowIndex(t);

    static final Instant MORNING = sh("2025-09-24T10:00");
    static final Instant MORNING_LATER = sh("2025-09-24T11:00");
    static final Instant AFTERNOON = sh("2025-09-24T15:00");
    static final Instant NEXT_MORNING = sh("2025-09-25T10:00");

    private final Assigner assigner = new Assigner();
    private final Agent absent = new Agent("a2", "t", Set.of(), Set.of(LocalDate.parse("2025-09-24")), 5);

    private static Assigner.HandOverVisit visit(String id, Instant at, Set<String> conflicted, Instant... later) {
        List<Instant> slots = new java.util.ArrayList<>(List.of(at));
        slots.addAll(List.of(later));
        return new Assigner.HandOverVisit(new AssignmentRequest(id, "c-" + id, at, null, conflicted), slots);
    }

    @Test
    void aColleagueFullInTheMorningWindowTakesTheVisitInTheAfternoonWindow() {
        List<Agent> team = List.of(new Agent("a1", "t", Set.of(), Set.of(), 2), absent);
        var out = assigner.passOnFromAbsent("a2", List.of(visit("v1", MORNING, Set.of(), AFTERNOON)), team,
                Map.of("2025-09-24#0", Map.of("a1", 2)), WINDOW_OF, PRC);
        assertThat(out.get(0).decision().agentId()).isEqualTo("a1");
        assertThat(out.get(0).dueAt()).isEqualTo(AFTERNOON);
        assertThat(out.get(0).decision().reason()).startsWith("a2 absent: ").contains("overflow");
    }

    @Test
    void aColleagueWithRoomInTheSameWindowTakesItBeforeAnyOverflow() {
        List<Agent> team = List.of(new Agent("a1", "t", Set.of(), Set.of(), 2), absent, new Agent("a3", "t", Set.of(), Set.of(), 1));
        var out = assigner.passOnFromAbsent("a2", List.of(visit("v1", MORNING, Set.of(), AFTERNOON)), team,
                Map.of("2025-09-24#0", Map.of("a1", 2)), WINDOW_OF, PRC);
        assertThat(out.get(0).decision().agentId()).isEqualTo("a3");
        assertThat(out.get(0).dueAt()).isEqualTo(MORNING);
    }

    @Test
    void aFullDayElsewhereDoesNotBlockRoomInThisWindow() {
        // the old per-day count would have seen a1 at 3 of capacity 2 for the day and refused
        List<Agent> team = List.of(new Agent("a1", "t", Set.of(), Set.of(), 2), absent);
        var out = assigner.passOnFromAbsent("a2", List.of(visit("v1", AFTERNOON, Set.of())), team,
                Map.of("2025-09-24#0", Map.of("a1", 2), "2025-09-24#1", Map.of("a1", 1)), WINDOW_OF, PRC);
        assertThat(out.get(0).decision().agentId()).isEqualTo("a1");
        assertThat(out.get(0).dueAt()).isEqualTo(AFTERNOON);
    }

    @Test
    void theHandOverCountsItsOwnAssignmentsInEachWindow() {
        List<Agent> team = List.of(new Agent("a1", "t", Set.of(), Set.of(), 2), absent);
        var out = assigner.passOnFromAbsent("a2", List.of(
                        visit("v1", MORNING, Set.of(), AFTERNOON),
                        visit("v2", MORNING_LATER, Set.of(), AFTERNOON), // same window as 10:00
                        visit("v3", MORNING, Set.of(), AFTERNOON)),
                team, Map.of(), WINDOW_OF, PRC);
        assertThat(out).extracting(w -> w.decision().agentId()).containsExactly("a1", "a1", "a1");
        assertThat(out).extracting(Assigner.WindowedDecision::dueAt).containsExactly(MORNING, MORNING_LATER, AFTERNOON);
    }

    @Test
    void nobodyWithRoomBeforeTheDeadlineLeavesTheVisitInTheTeamQueueAtItsOwnTime() {
        List<Agent> team = List.of(new Agent("a1", "t", Set.of(), Set.of(), 1), absent);
        var out = assigner.passOnFromAbsent("a2", List.of(visit("v1", MORNING, Set.of(), AFTERNOON)), team,
                Map.of("2025-09-24#0", Map.of("a1", 1), "2025-09-24#1", Map.of("a1", 1)), WINDOW_OF, PRC);
        assertThat(out.get(0).decision().assigned()).isFalse();
        assertThat(out.get(0).dueAt()).isEqualTo(MORNING);
    }

    @Test
    void aCustomersOwnCallBackTimeIsNeverMovedToAnotherWindow() {
        List<Agent> team = List.of(new Agent("a1", "t", Set.of(), Set.of(), 1), absent);
        var out = assigner.passOnFromAbsent("a2", List.of(visit("v1", MORNING, Set.of())), team,
                Map.of("2025-09-24#0", Map.of("a1", 1)), WINDOW_OF, PRC);
        assertThat(out.get(0).decision().assigned()).isFalse();
        assertThat(out.get(0).dueAt()).isEqualTo(MORNING);
    }

    @Test
    void theStaffCheckedNeverTakesItEvenWithRoomAndAColleagueAwayTheNextDayIsSkipped() {
        List<Agent> team = List.of(new Agent("a1", "t", Set.of(), Set.of(), 5), absent,
                new Agent("a3", "t", Set.of(), Set.of(LocalDate.parse("2025-09-25")), 1));
        var out = assigner.passOnFromAbsent("a2", List.of(
                        visit("v1", MORNING, Set.of("a1"), AFTERNOON, NEXT_MORNING),
                        visit("v2", MORNING, Set.of("a1"), AFTERNOON, NEXT_MORNING),
                        visit("v3", MORNING, Set.of("a1"), AFTERNOON, NEXT_MORNING)),
                team, Map.of(), WINDOW_OF, PRC);
        assertThat(out).extracting(w -> w.decision().agentId()).containsExactly("a3", "a3", null);
        assertThat(out).extracting(Assigner.WindowedDecision::dueAt).containsExactly(MORNING, AFTERNOON, MORNING);
    }
}
