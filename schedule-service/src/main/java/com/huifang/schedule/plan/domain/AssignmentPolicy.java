package com.huifang.schedule.plan.domain;

/**
 * How visits of a plan go to agents.
 *
 * @param kind                    round robin, same agent (原咨询师接回), least loaded
 * @param teamId                  the team that works the plan; null means any team
 * @param callbackReleaseMinutes  an agent's own call-back not taken this long after its time goes to the team
 */
public record AssignmentPolicy(Kind kind, String teamId, int callbackReleaseMinutes) {

    public enum Kind {
        ROUND_ROBIN,
        SAME_AGENT,
        LEAST_LOADED
    }
}
