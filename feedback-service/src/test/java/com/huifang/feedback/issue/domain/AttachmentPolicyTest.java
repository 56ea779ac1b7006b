package com.huifang.feedback.issue.domain;

import static com.huifang.feedback.issue.domain.Issues.HANDLER;
import static com.huifang.feedback.issue.domain.Issues.RULES;
import static com.huifang.feedback.issue.domain.Issues.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AttachmentPolicyTest {

    private static final AttachmentPolicy POLICY = AttachmentPolicy.standard();
    private static final long MAX = 10L * 1024 * 1024;

    private static Attachment file(String id, String type, long size) {
        return new Attachment(id, id + ".bin", type, size);
    }

    @ParameterizedTest
    @ValueSource(strings = {"image/jpeg", "image/png", "IMAGE/HEIC", "application/pdf", "image/jpeg; q=0.9",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/msword"})
    void photosPdfAndOfficeDocumentsAreAccepted(String type) {
        assertThatCode(() -> POLICY.check(List.of(), List.of(file("a", type, 1000)))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-msdownload", "application/zip", "text/html", "image/svg+xml",
            "application/octet-stream", "video/mp4"})
    void otherTypesAreRejected(String type) {
        assertThatThrownBy(() -> POLICY.check(List.of(), List.of(file("a", type, 1000))))
                .isInstanceOf(AttachmentRejectedException.class).hasMessageContaining("forbidden type");
    }

    @Test
    void fileOfExactlyTheLimitIsAcceptedOneByteMoreIsRejected() {
        assertThatCode(() -> POLICY.check(List.of(), List.of(file("a", "application/pdf", MAX)))).doesNotThrowAnyException();
        assertThatThrownBy(() -> POLICY.check(List.of(), List.of(file("a", "application/pdf", MAX + 1))))
                .isInstanceOf(AttachmentRejectedException.class).hasMessageContaining("limit");
    }

    @Test
    void emptyFileIsRejected() {
        assertThatThrownBy(() -> POLICY.check(List.of(), List.of(file("a", "image/png", 0))))
                .isInstanceOf(AttachmentRejectedException.class);
    }

    @Test
    void issueHoldsAtMostTenAttachments() {
        var nine = IntStream.range(0, 9).mapToObj(i -> file("f" + i, "image/png", 10)).toList();
        assertThatCode(() -> POLICY.check(nine, List.of(file("f9", "image/png", 10)))).doesNotThrowAnyException();
        assertThatThrownBy(() -> POLICY.check(nine, List.of(file("f9", "image/png", 10), file("f10", "image/png", 10))))
                .isInstanceOf(AttachmentRejectedException.class).hasMessageContaining("at most 10");
    }

    @Test
    void sameAttachmentIdTwiceIsRejected() {
        assertThatThrownBy(() -> POLICY.check(List.of(file("a", "image/png", 10)), List.of(file("a", "image/png", 10))))
                .isInstanceOf(AttachmentRejectedException.class);
    }

    @Test
    void batchWithOneForbiddenFileAddsNothing() {
        var issue = Issues.raised("QUALITY", at("2026-03-09T09:00"));
        var batch = List.of(file("ok", "image/jpeg", 100), file("bad", "application/x-msdownload", 100));
        assertThatThrownBy(() -> issue.attach(HANDLER, batch, POLICY, at("2026-03-09T10:00")))
                .isInstanceOf(AttachmentRejectedException.class);
        assertThat(issue.attachments()).isEmpty();
        assertThat(issue.audit()).hasSize(1);
    }

    @Test
    void evidenceIsAttachedAndAudited() {
        var issue = Issues.raised("QUALITY", at("2026-03-09T09:00"));
        var events = issue.attach(HANDLER, List.of(file("photo-1", "image/jpeg", 2_000_000)), POLICY, at("2026-03-09T10:00"));
        assertThat(events).singleElement().isInstanceOf(IssueEvent.EvidenceAttached.class);
        assertThat(issue.attachments()).extracting(Attachment::id).containsExactly("photo-1");
        assertThat(issue.audit()).last().extracting(AuditRecord::action).isEqualTo(IssueAction.ATTACH);
    }

    @Test
    void closedIssueTakesNoMoreEvidence() {
        var issue = Issues.in(IssueState.CLOSED, "QUALITY", at("2026-03-09T09:00"));
        assertThatThrownBy(() -> issue.attach(HANDLER, List.of(file("late", "image/png", 10)), POLICY, at("2026-03-12T10:00")))
                .isInstanceOf(IllegalIssueTransitionException.class);
    }

    @Test
    void issueRaisedWithAForbiddenAttachmentIsNotRaised() {
        var cmd = Issues.raise("QUALITY", Severity.NORMAL);
        var withExe = new RaiseIssue(cmd.issueId(), cmd.tenantId(), cmd.categoryCode(), cmd.severity(), cmd.source(),
                cmd.description(), cmd.customerId(), cmd.visitId(), cmd.staffIds(),
                new ArrayList<>(List.of(file("x", "application/x-msdownload", 10))), cmd.raisedBy());
        assertThatThrownBy(() -> Issue.raise(withExe, RULES, at("2026-03-09T09:00")))
                .isInstanceOf(AttachmentRejectedException.class);
    }
}
