package com.huifang.schedule.assignment.domain;

import java.time.Instant;
import java.util.Set;

/**
 * A visit to give to an agent.
 *
 * @param visitId          the visit
 * @param customerId       the customer
 * @param dueAt            when it falls due (its calling window decides the load counted)
 * @param previousAgentId  the agent who served the customer before (原咨询师接回); null if none
 * @param conflictedStaff  the customer's salesperson and the staff whose work is checked: never assigned (利益冲突回避)
 */
public record AssignmentRequest(String visitId, String customerId, Instant dueAt, String previousAgentId, Set<String> conflictedStaff) {

    public AssignmentRequest {
        conflictedStaff = conflictedStaff == null ? Set.of() : Set.copyOf(conflictedStaff);
    }
}
