package com.huifang.schedule.assignment.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Worklists: what is due now, priority first, then due time. */
public final class Worklist {

    /** Priority 1 first, then the earlier due time, then the visit id (a stable order). */
    public static final Comparator<WorklistItem> ORDER = Comparator.comparingInt(WorklistItem::priority)
            .thenComparing(WorklistItem::dueAt)
            .thenComparing(WorklistItem::visitId);

    private Worklist() {
    }

    /**
     * Who is asking for a worklist: the agent, the teams they belong to and the colleagues of
     * those teams who are away today (whose items the team takes over).
     */
    public record AgentScope(String agentId, Set<String> teamIds, Set<String> absentToday) {

        public AgentScope {
            teamIds = teamIds == null ? Set.of() : Set.copyOf(teamIds);
            absentToday = absentToday == null ? Set.of() : Set.copyOf(absentToday);
        }

        /** The item sits in a queue this agent takes from: one of their teams, or the tenant's queue. */
        boolean inMyQueues(WorklistItem i) {
            return i.teamId() == null || teamIds.contains(i.teamId());
        }
    }

    /**
     * The items due at {@code now} this agent may work: their own; the unassigned ones of their
     * teams' queues (or of the tenant queue); those of team colleagues away today; and call-backs
     * booked by a colleague, once released after the plan's minutes (VICIdial-style). A booked
     * call-back stays with its agent until then.
     */
    public static List<WorklistItem> forAgent(AgentScope scope, List<WorklistItem> items, Instant now) {
        return items.stream()
                .filter(i -> !i.dueAt().isAfter(now))
                .filter(i -> mayWork(scope, i, now))
                .sorted(ORDER)
                .toList();
    }

    /** As {@link #forAgent(AgentScope, List, Instant)} for an agent in no team, one release time for all. */
    public static List<WorklistItem> forAgent(String agentId, List<WorklistItem> teamItems, Instant now, int releaseMinutes) {
        return forAgent(new AgentScope(agentId, Set.of(), Set.of()), teamItems.stream()
                .map(i -> new WorklistItem(i.visitId(), i.priority(), i.dueAt(), i.teamId(), i.assigneeId(),
                        i.callbackAgentId(), i.callbackAt(), releaseMinutes)).toList(), now);
    }

    /** A supervisor's view of a team: everything of the team due now, whoever holds it. */
    public static List<WorklistItem> forTeam(String teamId, List<WorklistItem> items, Instant now) {
        return items.stream()
                .filter(i -> teamId.equals(i.teamId()))
                .filter(i -> !i.dueAt().isAfter(now))
                .sorted(ORDER)
                .toList();
    }

    private static boolean mayWork(AgentScope scope, WorklistItem i, Instant now) {
        String me = scope.agentId();
        if (i.callbackAgentId() != null && i.callbackAt() != null) {
            if (i.callbackAgentId().equals(me)) {
                return true;
            }
            return scope.inMyQueues(i) && (scope.absentToday().contains(i.callbackAgentId())
                    || Assigner.callbackReleasedToTeam(i.callbackAt(), now, i.callbackReleaseMinutes()));
        }
        if (me.equals(i.assigneeId())) {
            return true;
        }
        return scope.inMyQueues(i) && (i.assigneeId() == null || scope.absentToday().contains(i.assigneeId()));
    }
}
