package com.huifang.schedule.assignment.domain;

import java.time.Instant;

/**
 * An open visit as a worklist sees it.
 *
 * @param visitId         the visit
 * @param priority        1 (highest) to 3
 * @param dueAt           when the next try is due (the visit's next attempt time, else its due time)
 * @param assigneeId      the assigned agent; null = team queue
 * @param callbackAgentId the agent who booked a call-back; null if none
 * @param callbackAt      the booked call-back time; null if none
 */
public record WorklistItem(String visitId, int priority, Instant dueAt, String assigneeId, String callbackAgentId, Instant callbackAt) {
}
