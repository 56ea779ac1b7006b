package com.huifang.schedule.assignment.domain;

import java.time.Instant;

/**
 * An open visit as a worklist sees it.
 *
 * @param visitId                the visit
 * @param priority               1 (highest) to 3
 * @param dueAt                  when the next try is due (the visit's next attempt time, else its due time)
 * @param teamId                 the team whose queue holds it; null = the tenant's queue
 * @param assigneeId             the agent it is assigned to; null = the team's queue
 * @param callbackAgentId        the agent who booked a call-back; null if none
 * @param callbackAt             the booked call-back time; null if none
 * @param callbackReleaseMinutes minutes after the call-back time when it becomes the team's
 */
public record WorklistItem(String visitId, int priority, Instant dueAt, String teamId, String assigneeId,
                           String callbackAgentId, Instant callbackAt, int callbackReleaseMinutes) {

    public WorklistItem(String visitId, int priority, Instant dueAt, String assigneeId, String callbackAgentId, Instant callbackAt) {
        this(visitId, priority, dueAt, null, assigneeId, callbackAgentId, callbackAt, 30);
    }
}
