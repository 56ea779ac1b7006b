package com.huifang.feedback.issue.domain;

import com.huifang.feedback.sla.domain.EscalationLevel;
import com.huifang.feedback.sla.domain.SlaKind;
import com.huifang.feedback.sla.domain.SlaTimer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every field of an {@link Issue}, for the store adapter to save and {@link Issue#restore} to load. */
public record IssueSnapshot(
        String id,
        String tenantId,
        String category,
        Severity severity,
        IssueSource source,
        String description,
        String customerId,
        Optional<String> visitId,
        List<String> staffIds,
        List<Attachment> attachments,
        String department,
        String ownerQueue,
        Optional<String> owner,
        IssueState state,
        EscalationLevel escalationLevel,
        SlaTimer firstResponse,
        SlaTimer resolution,
        Optional<LocalDate> latestFixDate,
        Optional<LocalDate> fixDate,
        Optional<String> resolutionNote,
        Set<SlaKind> warnedClocks,
        boolean waitingOnCustomer,
        int reopenCount,
        Instant raisedAt,
        List<AuditRecord> audit) {

    public IssueSnapshot {
        staffIds = List.copyOf(staffIds);
        attachments = List.copyOf(attachments);
        warnedClocks = Set.copyOf(warnedClocks);
        audit = List.copyOf(audit);
    }
}
