package com.huifang.feedback.issue.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of an issue's audit trail: who, in which role, when, from which state to which, and why.
 * Actions that do not change the state (a pause, an escalation) have {@code from == to}.
 */
public record AuditRecord(
        IssueAction action, String actorId, Role role, Instant at, IssueState from, IssueState to, String why) {

    public AuditRecord {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(to, "to");
        why = why == null ? "" : why;
    }
}
