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
        List<AssignmentDecision> out = assigner.passOnFromAbsent("a2", visits, team, Map.of(), PRC);
        assertThat(out).extracting(AssignmentDecision::agentId).containsExactly("a1", "a3");
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
}
