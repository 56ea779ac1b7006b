package com.huifang.schedule.visit.domain;

import java.time.Instant;

/**
 * A follow-up the agent books from an answer ("call again after the next check-up").
 *
 * @param notBefore           from when; the visit falls due at the first calling slot from then
 * @param deadlineWorkingDays deadline in working days after the due day; null for none
 * @param note                why, for the next agent
 */
public record FollowUpRequest(Instant notBefore, Integer deadlineWorkingDays, String note) {
}
