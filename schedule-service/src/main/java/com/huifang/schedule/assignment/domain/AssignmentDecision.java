package com.huifang.schedule.assignment.domain;

/**
 * Who gets a visit, and why. {@code agentId} is null when nobody is eligible (all conflicted, away
 * or full): the visit stays with the team queue.
 */
public record AssignmentDecision(String visitId, String agentId, String reason) {

    public boolean assigned() {
        return agentId != null;
    }
}
