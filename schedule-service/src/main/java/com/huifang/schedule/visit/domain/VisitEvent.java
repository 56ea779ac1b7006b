package com.huifang.schedule.visit.domain;

import com.huifang.schedule.plan.domain.Channel;
import java.time.Instant;

/**
 * What a visit's methods cause. The messaging adapter maps Planned → {@code VisitPlanned}, Due →
 * {@code VisitDue}, Replanned → another {@code VisitPlanned} of the same visit, Attempted → {@code VisitAttempted}, Ended → {@code VisitCompleted}; Rescheduled and
 * Reassigned only update worklists.
 */
public sealed interface VisitEvent {

    String visitId();

    String customerId();

    record Planned(String visitId, String customerId, String planId, int planVersion, String stage, String serviceEventId,
                   String surveyTemplateId, Instant earliestAt, Instant dueAt, Instant deadlineAt, Channel channel,
                   int priority, String assigneeId, boolean deadlineAtRisk) implements VisitEvent {
    }

    /**
     * Planned again before any work began (the customer's preferred hours, channel or zone changed):
     * the new timing as a {@link Planned} of the same visit.
     *
     * @param revision what caused this re-plan, unique per cause (e.g. {@code profile-v3}): it keys the event id
     */
    record Replanned(Planned planned, String revision, String reason) implements VisitEvent {
        @Override
        public String visitId() {
            return planned.visitId();
        }

        @Override
        public String customerId() {
            return planned.customerId();
        }
    }

    record Due(String visitId, String customerId, String planId, String surveyTemplateId, Instant dueAt, Instant deadlineAt,
               Channel channel, int priority, String assigneeId) implements VisitEvent {
    }

    /**
     * @param counted whether the try counted toward the rung's attempts (a phone ringing under the
     *                minimum does not, nor an inconvenient moment or a booked call-back)
     * @param recordingRef the call recording's reference, if any (quality review and retention follow it)
     */
    record Attempted(String visitId, String customerId, String planId, int attemptNo, Channel channel,
                     AttemptOutcome outcome, Integer ringSeconds, Integer durationSeconds, String agentId,
                     Instant attemptedAt, boolean counted, String recordingRef) implements VisitEvent {
    }

    /**
     * The next try moved.
     *
     * @param callbackAgentId the agent owning a booked call-back; null otherwise
     */
    record Rescheduled(String visitId, String customerId, Instant nextAttemptAt, Channel channel, String reason,
                       String callbackAgentId) implements VisitEvent {
    }

    record Reassigned(String visitId, String customerId, String fromAgentId, String toAgentId, String reason,
                      Instant at) implements VisitEvent {
    }

    /**
     * The visit ended.
     *
     * @param result  COMPLETED, FAILED, CANCELLED or REFUSED
     * @param onTime  completed no later than the deadline (or there was none)
     * @param reason  why (ladder exhausted, customer refuses all contact, policy withdrawn…)
     */
    record Ended(String visitId, String customerId, String planId, VisitState result, Channel channel, String agentId,
                 Instant endedAt, Instant deadlineAt, boolean onTime, int attempts, String reason) implements VisitEvent {
    }
}
