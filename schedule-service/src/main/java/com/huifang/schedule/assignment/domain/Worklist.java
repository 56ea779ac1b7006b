package com.huifang.schedule.assignment.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** An agent's worklist: what is due now, priority first, then due time. */
public final class Worklist {

    /** Priority 1 first, then the earlier due time, then the visit id (a stable order). */
    public static final Comparator<WorklistItem> ORDER = Comparator.comparingInt(WorklistItem::priority)
            .thenComparing(WorklistItem::dueAt)
            .thenComparing(WorklistItem::visitId);

    private Worklist() {
    }

    /**
     * The items of the agent's team due at {@code now} that this agent may work: their own, the
     * team queue's, and call-backs of colleagues released after {@code releaseMinutes}; a booked
     * call-back stays with its agent until then.
     */
    public static List<WorklistItem> forAgent(String agentId, List<WorklistItem> teamItems, Instant now, int releaseMinutes) {
        return teamItems.stream()
                .filter(i -> !i.dueAt().isAfter(now))
                .filter(i -> mayWork(agentId, i, now, releaseMinutes))
                .sorted(ORDER)
                .toList();
    }

    private static boolean mayWork(String agentId, WorklistItem i, Instant now, int releaseMinutes) {
        if (i.callbackAgentId() != null && i.callbackAt() != null) {
            return i.callbackAgentId().equals(agentId) || Assigner.callbackReleasedToTeam(i.callbackAt(), now, releaseMinutes);
        }
        return i.assigneeId() == null || i.assigneeId().equals(agentId);
    }
}
