package com.huifang.feedback.issue.domain;

import com.huifang.feedback.sla.domain.EscalationLevel;
import com.huifang.feedback.sla.domain.SlaKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What happened to an issue, as returned by the {@link Issue} methods. The messaging adapter maps the
 * ones the product promises to the contracts ({@code IssueRaised}, {@code IssueEscalated},
 * {@code IssueResolved}, {@code IssueClosed}) and writes them to the outbox with the issue.
 */
public sealed interface IssueEvent {

    String issueId();

    Instant at();

    record Raised(String issueId, String tenantId, String customerId, Optional<String> visitId, String category,
                  Severity severity, IssueSource source, String department, String ownerQueue, List<String> staffIds,
                  Instant at) implements IssueEvent {
    }

    record Assigned(String issueId, String owner, String by, Instant at) implements IssueEvent {
    }

    /** The first answer to the customer; {@code firstResponseMet} says whether it came within the SLA. */
    record Acknowledged(String issueId, String by, boolean firstResponseMet, Instant at) implements IssueEvent {
    }

    record Started(String issueId, String by, Instant at) implements IssueEvent {
    }

    record WaitingOnCustomer(String issueId, String why, Instant at) implements IssueEvent {
    }

    record CustomerReplied(String issueId, Instant at) implements IssueEvent {
    }

    record EvidenceAttached(String issueId, List<Attachment> attachments, Instant at) implements IssueEvent {
    }

    /** An SLA clock passed its warning threshold; sent once per clock. */
    record SlaWarning(String issueId, SlaKind clock, Optional<Instant> due, Instant at) implements IssueEvent {
    }

    record Escalated(String issueId, String customerId, EscalationLevel level, String reason, Instant at)
            implements IssueEvent {
    }

    /** Schedule-service plans the re-contact visit that confirms it. */
    record Resolved(String issueId, String customerId, Optional<String> visitId, String category, String resolution,
                    Optional<LocalDate> fixDate, boolean slaMet, Instant at) implements IssueEvent {
    }

    record Confirmed(String issueId, String customerId, String reContactVisitId, Instant at) implements IssueEvent {
    }

    record Reopened(String issueId, String customerId, String reContactVisitId, String why, int reopenCount,
                    Instant at) implements IssueEvent {
    }

    record Waived(String issueId, String by, Role role, String reason, Instant at) implements IssueEvent {
    }

    /** @param how CONFIRMED (the customer said so) or WAIVED (a supervisor did) */
    record Closed(String issueId, String customerId, Closure how, Instant at) implements IssueEvent {
    }

    enum Closure {
        CONFIRMED,
        WAIVED
    }
}
