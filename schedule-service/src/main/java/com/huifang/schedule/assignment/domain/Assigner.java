package com.huifang.schedule.assignment.domain;

import com.huifang.calendar.WorkingCalendar;
import com.huifang.schedule.plan.domain.AssignmentPolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The assignment policy, pure: eligible agents work on the due day, have room in the window and
 * are neither the customer's salesperson nor the staff whose work is checked (利益冲突回避, seed
 * 004 securities rules; insurance home visits "非销售人员本人"). Then round robin, the same agent
 * (原咨询师接回, seed 003) or the least loaded.
 */
public final class Assigner {

    /**
     * @param load           visits each agent already holds in the due time's window (missing = 0)
     * @param lastAssignedId the agent who got the previous visit (round robin cursor); null at start
     */
    public AssignmentDecision assign(AssignmentRequest request, AssignmentPolicy.Kind policy, List<Agent> team,
                                     Map<String, Integer> load, String lastAssignedId, WorkingCalendar calendar) {
        LocalDate day = LocalDateTime.ofInstant(request.dueAt(), calendar.zone()).toLocalDate();
        List<Agent> eligible = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (Agent a : team.stream().sorted(Comparator.comparing(Agent::id)).toList()) {
            if (request.conflictedStaff().contains(a.id())) {
                excluded.add(a.id() + " (conflict of interest)");
            } else if (!a.worksOn(day, calendar)) {
                excluded.add(a.id() + " (not working " + day + ")");
            } else if (load.getOrDefault(a.id(), 0) >= a.capacityPerWindow()) {
                excluded.add(a.id() + " (window full)");
            } else {
                eligible.add(a);
            }
        }
        String why = excluded.isEmpty() ? "" : "; excluded " + excluded;
        if (eligible.isEmpty()) {
            return new AssignmentDecision(request.visitId(), null, "no eligible agent" + why);
        }
        return switch (policy) {
            case SAME_AGENT -> {
                if (request.previousAgentId() != null) {
                    for (Agent a : eligible) {
                        if (a.id().equals(request.previousAgentId())) {
                            yield new AssignmentDecision(request.visitId(), a.id(), "same agent as before" + why);
                        }
                    }
                }
                Agent a = leastLoaded(eligible, load);
                yield new AssignmentDecision(request.visitId(), a.id(), (request.previousAgentId() == null
                        ? "no previous agent" : "previous agent " + request.previousAgentId() + " unavailable")
                        + ": least loaded" + why);
            }
            case LEAST_LOADED -> new AssignmentDecision(request.visitId(), leastLoaded(eligible, load).id(), "least loaded" + why);
            case ROUND_ROBIN -> {
                Agent next = eligible.get(0);
                if (lastAssignedId != null) {
                    for (Agent a : eligible) {
                        if (a.id().compareTo(lastAssignedId) > 0) {
                            next = a;
                            break;
                        }
                    }
                }
                yield new AssignmentDecision(request.visitId(), next.id(), "round robin after " + lastAssignedId + why);
            }
        };
    }

    /**
     * Who gets a visit, and in which calling window: each window has its own load (an agent's
     * items per window are capped by {@link Agent#capacityPerWindow()}). The visit's own window is
     * tried first, with every eligible colleague; when nobody has room (or works) there, the
     * following windows in {@code slots} (the caller stops them at the deadline) are tried in turn.
     * Nobody anywhere → unassigned in its own window (the team queue).
     *
     * @param slots  window starts to try, the visit's due time first
     * @param loadOf each agent's visits in the window starting at a slot (missing = 0)
     */
    public WindowedDecision assignWithinCapacity(AssignmentRequest request, AssignmentPolicy.Kind policy, List<Agent> team,
                                                 List<Instant> slots, java.util.function.Function<Instant, Map<String, Integer>> loadOf,
                                                 String lastAssignedId, WorkingCalendar calendar) {
        AssignmentDecision first = null;
        for (int i = 0; i < slots.size(); i++) {
            Instant slot = slots.get(i);
            AssignmentRequest r = new AssignmentRequest(request.visitId(), request.customerId(), slot,
                    request.previousAgentId(), request.conflictedStaff());
            AssignmentDecision d = assign(r, policy, team, loadOf.apply(slot), lastAssignedId, calendar);
            if (d.assigned()) {
                if (i > 0) {
                    d = new AssignmentDecision(d.visitId(), d.agentId(), "no room in " + i + " earlier window(s) ("
                            + first.reason() + "): overflow to the window at " + slot + "; " + d.reason());
                }
                return new WindowedDecision(d, slot);
            }
            if (first == null) {
                first = d;
            }
        }
        return new WindowedDecision(first == null ? new AssignmentDecision(request.visitId(), null, "no window to try")
                : first, request.dueAt());
    }

    /** An assignment and the window start it falls in ({@code dueAt} moved there when it overflowed). */
    public record WindowedDecision(AssignmentDecision decision, Instant dueAt) {
    }

    /**
     * An absent agent's visit to hand over, with the window starts it may move to.
     *
     * @param request the visit (its due time is the current time of its next try)
     * @param slots   window starts to try, the current time first, then the following windows up to the
     *                deadline (just the current time when it is the customer's own call-back time)
     */
    public record HandOverVisit(AssignmentRequest request, List<Instant> slots) {

        public HandOverVisit {
            slots = slots == null || slots.isEmpty() ? List.of(request.dueAt()) : List.copyOf(slots);
        }
    }

    /**
     * An absent agent's open visits pass to colleagues with the same per-window capacity as a new
     * visit's assignment ({@link #assignWithinCapacity}): in each visit's own window the least loaded
     * colleague with room takes it; when every colleague is full there (or away, or conflicted), the
     * visit moves to the first following window where one has room; nobody anywhere → it stays
     * unassigned in its own window (the team's queue). The load is counted per window as visits are
     * handed out, so the hand-over itself never overfills a window.
     *
     * @param load     the colleagues' open visits per calling window ({@code windowOf} of their time), per agent
     * @param windowOf the calling window (day and window) an instant falls in: the key of {@code load}
     */
    public List<WindowedDecision> passOnFromAbsent(String absentAgentId, List<HandOverVisit> visits, List<Agent> team,
                                                   Map<String, Map<String, Integer>> load,
                                                   java.util.function.Function<Instant, String> windowOf,
                                                   WorkingCalendar calendar) {
        Map<String, Map<String, Integer>> running = new HashMap<>();
        load.forEach((window, perAgent) -> running.put(window, new HashMap<>(perAgent)));
        List<Agent> colleagues = team.stream().filter(a -> !a.id().equals(absentAgentId)).toList();
        List<WindowedDecision> out = new ArrayList<>();
        for (HandOverVisit v : visits) {
            WindowedDecision w = assignWithinCapacity(v.request(), AssignmentPolicy.Kind.LEAST_LOADED, colleagues, v.slots(),
                    slot -> running.getOrDefault(windowOf.apply(slot), Map.of()), null, calendar);
            AssignmentDecision d = w.decision();
            if (d.assigned()) {
                running.computeIfAbsent(windowOf.apply(w.dueAt()), k -> new HashMap<>()).merge(d.agentId(), 1, Integer::sum);
                d = new AssignmentDecision(d.visitId(), d.agentId(), absentAgentId + " absent: " + d.reason());
            }
            out.add(new WindowedDecision(d, w.dueAt()));
        }
        return out;
    }

    /**
     * VICIdial-style: an agent's own call-back not taken within {@code releaseMinutes} after its
     * time becomes available to the whole team.
     */
    public static boolean callbackReleasedToTeam(Instant callbackAt, Instant now, int releaseMinutes) {
        return now.isAfter(callbackAt.plusSeconds(60L * releaseMinutes));
    }

    private static Agent leastLoaded(List<Agent> eligible, Map<String, Integer> load) {
        return eligible.stream()
                .min(Comparator.comparingInt((Agent a) -> load.getOrDefault(a.id(), 0)).thenComparing(Agent::id))
                .orElseThrow();
    }
}
