package com.huifang.feedback.issue.domain;

import static com.huifang.feedback.issue.domain.Issues.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** IssueSnapshot#withoutCustomerData: the customer's words and evidence go, the issue's facts stay. */
class CustomerDataErasureTest {

    private static Issue resolvedWithEvidence() {
        var raise = Issues.raise("QUALITY", Severity.NORMAL);
        var withPhoto = new RaiseIssue(raise.issueId(), raise.tenantId(), raise.categoryCode(), raise.severity(),
                raise.source(), "张伟 13812345678: 衣柜门关不上", raise.customerId(), raise.visitId(), raise.staffIds(),
                List.of(new Attachment("65f000000000000000000001", "张伟的照片.jpg", "image/jpeg", 1000)),
                raise.raisedBy());
        var issue = Issue.raise(withPhoto, Issues.RULES, at("2026-03-09T09:00")).issue();
        issue.acknowledge(Issues.HANDLER, "张伟说周末在家", Issues.CLOCK, at("2026-03-09T09:30"));
        issue.start(Issues.HANDLER, at("2026-03-09T10:00"));
        issue.resolve(Issues.HANDLER, "给张伟换了铰链", Issues.fixDateFor(issue), Issues.CLOCK, at("2026-03-09T11:00"));
        return issue;
    }

    @Test
    void theCustomersWordsAndEvidenceGoAndTheIssuesFactsStay() {
        var before = resolvedWithEvidence().snapshot();
        var after = before.withoutCustomerData();

        assertThat(after.description()).isEqualTo(IssueSnapshot.ERASED_TEXT);
        assertThat(after.resolutionNote()).contains(IssueSnapshot.ERASED_TEXT);
        assertThat(after.attachments()).isEmpty();
        assertThat(after.audit()).extracting(AuditRecord::why).containsOnly("");
        assertThat(after.toString()).doesNotContain("张伟", "13812345678");

        assertThat(after.audit()).extracting(AuditRecord::action).isEqualTo(
                before.audit().stream().map(AuditRecord::action).toList());
        assertThat(after.audit()).extracting(AuditRecord::at).isEqualTo(
                before.audit().stream().map(AuditRecord::at).toList());
        assertThat(after.withoutCustomerData()).isEqualTo(after);
        assertThat(List.of(after.id(), after.category(), after.severity(), after.source(), after.customerId(),
                after.staffIds(), after.department(), after.ownerQueue(), after.owner(), after.state(),
                after.escalationLevel(), after.firstResponse(), after.resolution(), after.fixDate(), after.raisedAt(),
                after.reopenCount())).isEqualTo(List.of(before.id(), before.category(), before.severity(),
                before.source(), before.customerId(), before.staffIds(), before.department(), before.ownerQueue(),
                before.owner(), before.state(), before.escalationLevel(), before.firstResponse(), before.resolution(),
                before.fixDate(), before.raisedAt(), before.reopenCount()));
    }

    @Test
    void anAnonymisedIssueGoesOnThroughItsLifeCycle() {
        var issue = Issue.restore(resolvedWithEvidence().snapshot().withoutCustomerData());
        issue.confirm(Issues.AGENT, "recontact-1", at("2026-03-10T10:00"));
        issue.close(Issues.AGENT, at("2026-03-10T10:01"));
        assertThat(issue.state()).isEqualTo(IssueState.CLOSED);
    }
}
