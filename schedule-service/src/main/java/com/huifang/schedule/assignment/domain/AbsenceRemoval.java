package com.huifang.schedule.assignment.domain;

import com.huifang.schedule.plan.domain.AssignmentPolicy;
import java.time.LocalDate;

/**
 * Removing an agent's absence (a day): before it starts it is cancelled; on the day itself it ends
 * early, now; a day already over is history and stays. Of the visits handed over for it, those not
 * yet started go back to the agent only when the visit's plan keeps the same agent (原咨询师接回,
 * seed 003) — the customer's own agent is back — and the colleague still holds them; every other
 * visit stays with the colleague who took it (their worklist is already planned around it).
 */
public final class AbsenceRemoval {

    /** What removing the absence means. */
    public enum Outcome {
        /** the day had not begun: as if never recorded */
        CANCELLED,
        /** the day is today: the agent is back from now */
        ENDED_EARLY
    }

    /** The absence's day is over: it cannot be removed. */
    public static final class AbsenceOverException extends RuntimeException {
        public AbsenceOverException(LocalDate day, LocalDate today) {
            super("the absence of " + day + " is over (today is " + today + ")");
        }
    }

    /**
     * A visit handed over for the absence, as it stands now.
     *
     * @param handedTo        the colleague it was handed to
     * @param currentAssignee who holds it now
     * @param open            still open (planned, due or in progress)
     * @param started         someone already tried it (in progress, or attempts recorded)
     * @param policy          the assignment policy of the plan version it was planned with; null if unknown
     * @param conflicted      the agent is the customer's salesperson or the staff checked (利益冲突回避)
     */
    public record HandedOverVisit(String visitId, String handedTo, String currentAssignee, boolean open, boolean started,
                                  AssignmentPolicy.Kind policy, boolean conflicted) {
    }

    private AbsenceRemoval() {
    }

    /** @throws AbsenceOverException when the day is before today */
    public static Outcome of(LocalDate absence, LocalDate today) {
        if (absence.isBefore(today)) {
            throw new AbsenceOverException(absence, today);
        }
        return absence.isAfter(today) ? Outcome.CANCELLED : Outcome.ENDED_EARLY;
    }

    /** Whether a handed-over visit goes back to the agent whose absence was removed. */
    public static boolean returnsToAgent(HandedOverVisit v) {
        return v.open() && !v.started() && !v.conflicted()
                && v.policy() == AssignmentPolicy.Kind.SAME_AGENT
                && v.handedTo() != null && v.handedTo().equals(v.currentAssignee());
    }
}
