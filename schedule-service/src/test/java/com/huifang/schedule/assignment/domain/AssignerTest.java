package com.huifang.schedule.assignment.domain;

import static com.huifang.schedule.support.Fixtures.PRC;
import static com.huifang.schedule.support.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.schedule.plan.domain.AssignmentPolicy.Kind;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssignerTest {

    private final Assigner assigner = new Assigner();
    private final List<Agent> team = List.of(
            new Agent("a1", "t", Set.of(), Set.of(), 5),
            new Agent("a2", "t", Set.of(), Set.of(LocalDate.parse("2025-09-24")), 5),
            new Agent("a3", "t", Set.of(), Set.of(), 1));

    private AssignmentRequest request(String previous, String... conflicted) {
        return new AssignmentRequest("v1", "c1", sh("2025-09-23T10:00"), previous, Set.of(conflicted));
    }

    @Test
    void sameAgentKeepsTheCustomer() {
        assertThat(assigner.assign(request("a3"), Kind.SAME_AGENT, team, Map.of(), null, PRC).agentId()).isEqualTo("a3");
    }

    @Test
    void salespersonIsNeverAssignedEvenAsThePreviousAgent() {
        AssignmentDecision d = assigner.assign(request("a3", "a3"), Kind.SAME_AGENT, team, Map.of("a1", 2), null, PRC);
        assertThat(d.agentId()).isEqualTo("a2");
        assertThat(d.reason()).contains("a3 (conflict of interest)");
    }

    @Test
    void nobodyEligibleWhenEveryAgentIsConflicted() {
        assertThat(assigner.assign(request(null, "a1", "a2", "a3"), Kind.LEAST_LOADED, team, Map.of(), null, PRC).assigned()).isFalse();
    }

    @Test
    void leastLoadedSkipsFullWindows() {
        AssignmentDecision d = assigner.assign(request(null), Kind.LEAST_LOADED, team, Map.of("a1", 3, "a2", 4, "a3", 1), null, PRC);
        assertThat(d.agentId()).isEqualTo("a1");
    }

    @Test
    void roundRobinTakesTheNextEligibleAgent() {
        assertThat(assigner.assign(request(null), Kind.ROUND_ROBIN, team, Map.of(), "a1", PRC).agentId()).isEqualTo("a2");
        assertThat(assigner.assign(request(null), Kind.ROUND_ROBIN, team, Map.of(), "a3", PRC).agentId()).isEqualTo("a1");
    }

    @Test
    void agentsDoNotWorkOnPublicHolidays() {
        AssignmentRequest holiday = new AssignmentRequest("v1", "c1", sh("2025-10-02T10:00"), null, Set.of());
        assertThat(assigner.assign(holiday, Kind.LEAST_LOADED, team, Map.of(), null, PRC).assigned()).isFalse();
    }

    @Test
    void absentAgentsVisitsPassToColleagues() {
        List<AssignmentRequest> visits = List.of(
                new AssignmentRequest("v1", "c1", sh("2025-09-24T10:00"), "a2", Set.of()),
                new AssignmentRequest("v2", "c2", sh("2025-09-24T10:00"), "a2", Set.of("a1")));
        List<Assigner.WindowedDecision> out = assigner.passOnFromAbsent("a2",
                visits.stream().map(r -> new Assigner.HandOverVisit(r, List.of(r.dueAt()))).toList(), team, Map.of(),
                t -> "one window", PRC);
        assertThat(out).extracting(w -> w.decision().agentId()).containsExactly("a1", "a3");
    }

    @Test
    void ownCallbackBecomesTeamWorkAfterTheReleaseMinutes() {
        WorklistItem cb = new WorklistItem("v1", 2, sh("2025-09-23T15:00"), "a1", "a1", sh("2025-09-23T15:00"));
        assertThat(Worklist.forAgent("a2", List.of(cb), sh("2025-09-23T15:20"), 30)).isEmpty();
        assertThat(Worklist.forAgent("a1", List.of(cb), sh("2025-09-23T15:20"), 30)).hasSize(1);
        assertThat(Worklist.forAgent("a2", List.of(cb), sh("2025-09-23T15:31"), 30)).hasSize(1);
    }

    @Test
    void worklistOrdersByPriorityThenDueTime() {
        List<WorklistItem> items = List.of(
                new WorklistItem("late-p3", 3, sh("2025-09-23T09:00"), "a1", null, null),
                new WorklistItem("p1", 1, sh("2025-09-23T10:00"), "a1", null, null),
                new WorklistItem("early-p2", 2, sh("2025-09-23T08:00"), null, null, null),
                new WorklistItem("later-p2", 2, sh("2025-09-23T09:30"), "a1", null, null),
                new WorklistItem("future", 1, sh("2025-09-23T12:00"), "a1", null, null),
                new WorklistItem("other-agent", 1, sh("2025-09-23T08:00"), "a2", null, null));
        assertThat(Worklist.forAgent("a1", items, sh("2025-09-23T11:00"), 30)).extracting(WorklistItem::visitId)
                .containsExactly("p1", "early-p2", "later-p2", "late-p3");
    }

    @Test
    void aFullWindowOverflowsToTheNextWindowWhereAColleagueHasRoom() {
        List<Agent> two = List.of(new Agent("a1", "t", Set.of(), Set.of(), 1), new Agent("a2", "t", Set.of(), Set.of(), 1));
        var morning = sh("2025-09-23T10:00");
        var afternoon = sh("2025-09-23T15:00");
        Assigner.WindowedDecision d = assigner.assignWithinCapacity(request(null), Kind.LEAST_LOADED, two,
                List.of(morning, afternoon), slot -> slot.equals(morning) ? Map.of("a1", 1, "a2", 1) : Map.of("a2", 0), null, PRC);
        assertThat(d.dueAt()).isEqualTo(afternoon);
        assertThat(d.decision().agentId()).isEqualTo("a1");
        assertThat(d.decision().reason()).contains("overflow");
    }

    @Test
    void aColleagueWithRoomInTheSameWindowIsPreferredToOverflowing() {
        List<Agent> two = List.of(new Agent("a1", "t", Set.of(), Set.of(), 1), new Agent("a2", "t", Set.of(), Set.of(), 1));
        var morning = sh("2025-09-23T10:00");
        Assigner.WindowedDecision d = assigner.assignWithinCapacity(request(null), Kind.ROUND_ROBIN, two,
                List.of(morning, sh("2025-09-23T15:00")), slot -> Map.of("a1", 1), null, PRC);
        assertThat(d.dueAt()).isEqualTo(morning);
        assertThat(d.decision().agentId()).isEqualTo("a2");
    }

    @Test
    void everyWindowFullLeavesTheVisitUnassignedInItsOwnWindow() {
        var morning = sh("2025-09-23T10:00");
        Assigner.WindowedDecision d = assigner.assignWithinCapacity(request(null), Kind.LEAST_LOADED,
                List.of(new Agent("a1", "t", Set.of(), Set.of(), 1)), List.of(morning, sh("2025-09-23T15:00")),
                slot -> Map.of("a1", 1), null, PRC);
        assertThat(d.decision().assigned()).isFalse();
        assertThat(d.dueAt()).isEqualTo(morning);
    }

    @Test
    void anAgentSeesOwnItemsAndTheirTeamsQueueButNotAnotherTeamsOrAColleaguesUnlessAway() {
        var now = sh("2025-09-23T11:00");
        List<WorklistItem> items = List.of(
                new WorklistItem("own", 2, sh("2025-09-23T10:00"), "ta", "a1", null, null, 30),
                new WorklistItem("team-queue", 2, sh("2025-09-23T10:00"), "ta", null, null, null, 30),
                new WorklistItem("tenant-queue", 2, sh("2025-09-23T10:00"), null, null, null, null, 30),
                new WorklistItem("other-team", 2, sh("2025-09-23T10:00"), "tb", null, null, null, 30),
                new WorklistItem("colleague", 2, sh("2025-09-23T10:00"), "ta", "a2", null, null, 30),
                new WorklistItem("away-colleague", 2, sh("2025-09-23T10:00"), "ta", "a3", null, null, 30));
        var scope = new Worklist.AgentScope("a1", Set.of("ta"), Set.of("a3"));
        assertThat(Worklist.forAgent(scope, items, now)).extracting(WorklistItem::visitId)
                .containsExactlyInAnyOrder("own", "team-queue", "tenant-queue", "away-colleague");
        assertThat(Worklist.forTeam("ta", items, now)).extracting(WorklistItem::visitId)
                .containsExactlyInAnyOrder("own", "team-queue", "colleague", "away-colleague");
    }

    @Test
    void aReleasedCallBackGoesToTheBookersTeamOnly() {
        WorklistItem cb = new WorklistItem("v1", 2, sh("2025-09-23T15:00"), "ta", "a2", "a2", sh("2025-09-23T15:00"), 30);
        var later = sh("2025-09-23T15:31");
        assertThat(Worklist.forAgent(new Worklist.AgentScope("a1", Set.of("ta"), Set.of()), List.of(cb), later)).hasSize(1);
        assertThat(Worklist.forAgent(new Worklist.AgentScope("b1", Set.of("tb"), Set.of()), List.of(cb), later)).isEmpty();
    }
}
