package com.huifang.schedule.visit.domain;

import java.time.Instant;

/** An issue feedback-service resolved ({@code IssueResolved}): the customer is re-contacted to confirm. */
public record IssueResolution(String issueId, String customerId, String visitId, String category, Instant resolvedAt) {
}
