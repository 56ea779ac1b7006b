package com.huifang.schedule.visit.domain;

import java.util.List;

/**
 * What the planner decided for one event and plan.
 *
 * @param outcome          planned, not triggered, awaiting sampling or refused
 * @param visits           the visits to create (for REFUSED: the visits that would have been made,
 *                         with an empty ladder, to be stored as refused via {@link Visit#refusedAtPlanning})
 * @param supersededStages stages whose open visits of the same case are replaced (re-planning)
 * @param explanation      steps that apply to the whole event (trigger match, consent, skipped stages)
 */
public record PlanningResult(
        PlanningOutcome outcome,
        List<PlannedVisit> visits,
        List<String> supersededStages,
        List<String> explanation) {

    public PlanningResult {
        visits = List.copyOf(visits);
        supersededStages = List.copyOf(supersededStages);
        explanation = List.copyOf(explanation);
    }
}
