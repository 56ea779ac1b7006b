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

    /** What an anonymised issue says instead of the customer's words. */
    public static final String ERASED_TEXT = "（客户已申请删除个人信息，内容已匿名化）";

    /**
     * The issue without anything the customer said or gave (an erasure, issue 10 §2): the description and the
     * resolution note become {@link #ERASED_TEXT}, the evidence (attachments: file names and files) goes, and
     * the audit trail keeps who did what when and from which state to which, but not why (the notes quote the
     * customer). Category, severity, source, staff, routing, states, SLA timers and times stay, so SLA figures,
     * complaint rates and the closed loop stay right. Applying it twice gives the same issue.
     */
    public IssueSnapshot withoutCustomerData() {
        return new IssueSnapshot(id, tenantId, category, severity, source, ERASED_TEXT, customerId, visitId, staffIds,
                List.of(), department, ownerQueue, owner, state, escalationLevel, firstResponse, resolution,
                latestFixDate, fixDate, resolutionNote.map(note -> ERASED_TEXT), warnedClocks, waitingOnCustomer,
                reopenCount, raisedAt, audit.stream().map(a -> new AuditRecord(a.action(), a.actorId(), a.role(), a.at(),
                        a.from(), a.to(), "")).toList());
    }
}
