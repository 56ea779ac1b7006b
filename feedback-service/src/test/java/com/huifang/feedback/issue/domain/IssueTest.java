package com.huifang.feedback.issue.domain;

import static com.huifang.feedback.issue.domain.Issues.AGENT;
import static com.huifang.feedback.issue.domain.Issues.CLOCK;
import static com.huifang.feedback.issue.domain.Issues.HANDLER;
import static com.huifang.feedback.issue.domain.Issues.RULES;
import static com.huifang.feedback.issue.domain.Issues.SUPERVISOR;
import static com.huifang.feedback.issue.domain.Issues.at;
import static com.huifang.feedback.issue.domain.Issues.raise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huifang.feedback.issue.domain.IssueEvent.Closure;
import com.huifang.feedback.routing.domain.UnknownCategoryException;
import com.huifang.feedback.sla.domain.EscalationLevel;
import com.huifang.feedback.sla.domain.SlaKind;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IssueTest {

    private static final java.time.Instant MON_9 = at("2026-03-09T09:00");

    @Test
    void raisedIssueIsRoutedToItsCategoryDepartmentWithBothClocksRunning() {
        var raised = Issue.raise(raise("DELIVERY", Severity.NORMAL), RULES, MON_9);
        var issue = raised.issue();
        assertThat(issue.state()).isEqualTo(IssueState.OPEN);
        assertThat(issue.department()).isEqualTo("logistics");
        assertThat(issue.ownerQueue()).isEqualTo("logistics-queue");
        assertThat(issue.firstResponse().budget()).isEqualTo(Duration.ofHours(2));
        assertThat(issue.resolution().budget()).isEqualTo(Duration.ofHours(16));
        assertThat(issue.escalationLevel()).isEqualTo(EscalationLevel.NONE);
        assertThat(raised.events()).singleElement().isInstanceOfSatisfying(IssueEvent.Raised.class, e -> {
            assertThat(e.department()).isEqualTo("logistics");
            assertThat(e.staffIds()).containsExactly("installer-7");
            assertThat(e.source()).isEqualTo(IssueSource.STAFF);
            assertThat(e.at()).isEqualTo(MON_9);
        });
        assertThat(issue.audit()).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo(IssueAction.RAISE);
            assertThat(a.from()).isNull();
            assertThat(a.to()).isEqualTo(IssueState.OPEN);
            assertThat(a.actorId()).isEqualTo(HANDLER.id());
        });
    }

    @Test
    void majorIssueGoesStraightToLeadershipAndIsEscalatedWhenRaised() {
        var raised = Issue.raise(raise("DELIVERY", Severity.MAJOR), RULES, MON_9);
        assertThat(raised.issue().ownerQueue()).isEqualTo("leadership-queue");
        assertThat(raised.issue().department()).isEqualTo("logistics");
        assertThat(raised.issue().escalationLevel()).isEqualTo(EscalationLevel.LEADERSHIP);
        assertThat(raised.events()).hasSize(2).last().isInstanceOfSatisfying(IssueEvent.Escalated.class,
                e -> assertThat(e.level()).isEqualTo(EscalationLevel.LEADERSHIP));
    }

    @Test
    void issueOfAnUnknownCategoryCodeIsRejectedWithTheCode() {
        assertThatThrownBy(() -> Issue.raise(raise("FURNITURE_SMELL", Severity.NORMAL), RULES, MON_9))
                .isInstanceOfSatisfying(UnknownCategoryException.class, e -> assertThat(e.code()).isEqualTo("FURNITURE_SMELL"));
    }

    @Test
    void issueWithoutDescriptionIsRejected() {
        var cmd = raise("DELIVERY", Severity.NORMAL);
        var blank = new RaiseIssue(cmd.issueId(), cmd.tenantId(), cmd.categoryCode(), cmd.severity(), cmd.source(), "  ",
                cmd.customerId(), cmd.visitId(), cmd.staffIds(), cmd.attachments(), cmd.raisedBy());
        assertThatThrownBy(() -> Issue.raise(blank, RULES, MON_9)).isInstanceOf(IssueRuleViolation.class);
    }

    @Test
    void surveyWithEveryRatingAtTheLowestMarkRaisesAMajorIssue() {
        var cmd = RaiseIssue.fromSurvey("issue-r1", "tenant-a", "SUGGESTION", "customer-1", "visit-1", 1.0,
                "very unhappy with the installer", List.of("installer-7"));
        assertThat(cmd.severity()).isEqualTo(Severity.MAJOR);
        assertThat(cmd.source()).isEqualTo(IssueSource.SURVEY);
        assertThat(RaiseIssue.fromSurvey("i", "t", "SUGGESTION", "c", null, 2.5, "meh", List.of()).severity())
                .isEqualTo(Severity.NORMAL);
        assertThat(Severity.forSurveyRating(null)).isEqualTo(Severity.NORMAL);
    }

    @Test
    void acknowledgingInTimeStopsTheFirstResponseClockAndMakesTheHandlerOwner() {
        var issue = Issues.raised("DELIVERY", MON_9);
        var events = issue.acknowledge(HANDLER, "called back", CLOCK, at("2026-03-09T11:00"));
        assertThat(events).singleElement().isInstanceOfSatisfying(IssueEvent.Acknowledged.class,
                e -> assertThat(e.firstResponseMet()).isTrue());
        assertThat(issue.firstResponse().stopped()).isTrue();
        assertThat(issue.resolution().stopped()).isFalse();
        assertThat(issue.owner()).contains(HANDLER.id());
    }

    @Test
    void acknowledgingAfterTwoBusinessHoursMissesTheDeliveryFirstResponse() {
        var issue = Issues.raised("DELIVERY", at("2026-03-13T17:00"));
        var events = issue.acknowledge(HANDLER, "called back", CLOCK, at("2026-03-16T10:01"));
        assertThat(((IssueEvent.Acknowledged) events.get(0)).firstResponseMet()).isFalse();
    }

    @Test
    void resolvingRequiresAResolutionNote() {
        var issue = Issues.in(IssueState.IN_PROGRESS, "DELIVERY", MON_9);
        assertThatThrownBy(() -> issue.resolve(HANDLER, " ", Optional.empty(), CLOCK, at("2026-03-09T12:00")))
                .isInstanceOf(IssueRuleViolation.class).hasMessageContaining("resolution note");
        assertThat(issue.state()).isEqualTo(IssueState.IN_PROGRESS);
    }

    @Test
    void qualityIssueCannotBeResolvedWithoutAFixDate() {
        var issue = Issues.in(IssueState.IN_PROGRESS, "QUALITY", MON_9);
        assertThatThrownBy(() -> issue.resolve(HANDLER, "will replace", Optional.empty(), CLOCK, at("2026-03-09T12:00")))
                .isInstanceOf(IssueRuleViolation.class).hasMessageContaining("2026-03-10");
    }

    @Test
    void qualityFixDateMayNotBeLaterThanTheNextWorkingDay() {
        // raised Friday 18 Sep 2026: the next working day is make-up Sunday 20 Sep, not Monday
        var issue = Issues.in(IssueState.IN_PROGRESS, "QUALITY", at("2026-09-18T10:00"));
        assertThat(issue.latestFixDate()).contains(LocalDate.of(2026, 9, 20));
        assertThatThrownBy(() -> issue.resolve(HANDLER, "new door", Optional.of(LocalDate.of(2026, 9, 21)), CLOCK,
                at("2026-09-18T15:00"))).isInstanceOf(IssueRuleViolation.class);
        var events = issue.resolve(HANDLER, "new door", Optional.of(LocalDate.of(2026, 9, 20)), CLOCK, at("2026-09-18T15:00"));
        assertThat(events).singleElement().isInstanceOfSatisfying(IssueEvent.Resolved.class, e -> {
            assertThat(e.fixDate()).contains(LocalDate.of(2026, 9, 20));
            assertThat(e.slaMet()).isTrue();
            assertThat(e.resolution()).isEqualTo("new door");
            assertThat(e.visitId()).contains("visit-1");
        });
    }

    @Test
    void deliveryIssueNeedsNoFixDate() {
        var issue = Issues.in(IssueState.IN_PROGRESS, "DELIVERY", MON_9);
        issue.resolve(HANDLER, "delivery booked for Thursday", Optional.empty(), CLOCK, at("2026-03-09T12:00"));
        assertThat(issue.state()).isEqualTo(IssueState.RESOLVED);
        assertThat(issue.resolution().stopped()).isTrue();
    }

    @Test
    void resolvedEventSaysTheResolutionSlaWasMissedAfterTwoWorkingDays() {
        var issue = Issues.in(IssueState.IN_PROGRESS, "DELIVERY", MON_9);
        var events = issue.resolve(HANDLER, "delivered", Optional.empty(), CLOCK, at("2026-03-11T09:01"));
        assertThat(((IssueEvent.Resolved) events.get(0)).slaMet()).isFalse();
    }

    @Test
    void satisfiedReContactConfirmsAndClosesTheIssue() {
        var issue = Issues.in(IssueState.RESOLVED, "DELIVERY", MON_9);
        var events = issue.recordReContact(AGENT, "recontact-1", true, "all good", at("2026-03-12T10:00"));
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(IssueEvent.Confirmed.class);
        assertThat(events.get(1)).isInstanceOfSatisfying(IssueEvent.Closed.class,
                e -> assertThat(e.how()).isEqualTo(Closure.CONFIRMED));
        assertThat(issue.state()).isEqualTo(IssueState.CLOSED);
    }

    @Test
    void dissatisfiedReContactReopensTheIssueAndItsResolutionClock() {
        var issue = Issues.in(IssueState.RESOLVED, "DELIVERY", MON_9);
        var events = issue.recordReContact(AGENT, "recontact-1", false, "still not delivered", at("2026-03-12T10:00"));
        assertThat(events).singleElement().isInstanceOfSatisfying(IssueEvent.Reopened.class, e -> {
            assertThat(e.reopenCount()).isEqualTo(1);
            assertThat(e.why()).isEqualTo("still not delivered");
        });
        assertThat(issue.state()).isEqualTo(IssueState.IN_PROGRESS);
        assertThat(issue.resolution().stopped()).isFalse();
        assertThat(issue.resolutionNote()).isEmpty();
        issue.resolve(HANDLER, "delivered at last", Optional.empty(), CLOCK, at("2026-03-12T11:00"));
        assertThat(issue.state()).isEqualTo(IssueState.RESOLVED);
    }

    @Test
    void onlyASupervisorMayWaiveAndOnlyWithAReason() {
        var issue = Issues.in(IssueState.RESOLVED, "DELIVERY", MON_9);
        assertThatThrownBy(() -> issue.waive(HANDLER, "cannot reach", at("2026-03-12T10:00")))
                .isInstanceOf(IssueRuleViolation.class);
        assertThatThrownBy(() -> issue.waive(SUPERVISOR, " ", at("2026-03-12T10:00")))
                .isInstanceOf(IssueRuleViolation.class);
        assertThat(issue.state()).isEqualTo(IssueState.RESOLVED);

        var events = issue.waive(SUPERVISOR, "customer unreachable after 3 tries", at("2026-03-12T10:00"));
        assertThat(events).hasSize(2);
        assertThat(events.get(1)).isInstanceOfSatisfying(IssueEvent.Closed.class,
                e -> assertThat(e.how()).isEqualTo(Closure.WAIVED));
        var last = issue.audit().get(issue.audit().size() - 1);
        assertThat(last.action()).isEqualTo(IssueAction.WAIVE);
        assertThat(last.role()).isEqualTo(Role.SUPERVISOR);
        assertThat(last.why()).isEqualTo("customer unreachable after 3 tries");
    }

    @Test
    void waitingOnTheCustomerPausesBothClocksUntilTheCustomerReplies() {
        var issue = Issues.raised("QUALITY", MON_9);
        assertThat(issue.waitOnCustomer(HANDLER, "asked for photos", at("2026-03-09T10:00"))).hasSize(1);
        assertThat(issue.waitOnCustomer(HANDLER, "asked again", at("2026-03-09T11:00"))).isEmpty();
        assertThat(issue.waitingOnCustomer()).isTrue();
        assertThat(issue.firstResponse().paused()).isTrue();
        assertThat(issue.resolution().paused()).isTrue();
        assertThat(issue.customerReplied(HANDLER, at("2026-03-10T09:00"))).hasSize(1);
        assertThat(issue.customerReplied(HANDLER, at("2026-03-10T09:30"))).isEmpty();
        assertThat(CLOCK.due(issue.firstResponse(), at("2026-03-10T09:00"))).contains(at("2026-03-10T12:00"));
        var pause = issue.audit().get(1);
        assertThat(pause.action()).isEqualTo(IssueAction.WAIT_ON_CUSTOMER);
        assertThat(pause.from()).isEqualTo(pause.to());
    }

    @Test
    void replyStampedBeforeTheWaitBeganEndsTheWaitWhereItBegan() {
        var issue = Issues.raised("QUALITY", MON_9);
        issue.waitOnCustomer(HANDLER, "asked for photos", at("2026-03-09T10:00"));
        issue.customerReplied(HANDLER, at("2026-03-09T09:59"));
        assertThat(issue.resolution().pauses()).singleElement()
                .satisfies(p -> assertThat(p.to()).isEqualTo(at("2026-03-09T10:00")));
    }

    @Test
    void waitingOnTheCustomerNeedsAReason() {
        var issue = Issues.raised("QUALITY", MON_9);
        assertThatThrownBy(() -> issue.waitOnCustomer(HANDLER, "", at("2026-03-09T10:00")))
                .isInstanceOf(IssueRuleViolation.class);
    }

    @Test
    void resolvingWhileWaitingOnTheCustomerEndsTheWait() {
        var issue = Issues.in(IssueState.IN_PROGRESS, "DELIVERY", MON_9);
        issue.waitOnCustomer(HANDLER, "customer travelling", at("2026-03-09T11:00"));
        issue.resolve(HANDLER, "delivered to the neighbour", Optional.empty(), CLOCK, at("2026-03-09T15:00"));
        assertThat(issue.waitingOnCustomer()).isFalse();
        assertThat(issue.resolution().pauses()).hasSize(1);
    }

    @Test
    void everyChangeIsAuditedWithWhoWhenFromToAndWhy() {
        var issue = Issues.in(IssueState.CLOSED, "QUALITY", MON_9);
        assertThat(issue.audit()).extracting(AuditRecord::action).containsExactly(IssueAction.RAISE,
                IssueAction.ACKNOWLEDGE, IssueAction.START, IssueAction.RESOLVE, IssueAction.CONFIRM, IssueAction.CLOSE);
        assertThat(issue.audit()).extracting(AuditRecord::to).containsExactly(IssueState.OPEN, IssueState.ACKNOWLEDGED,
                IssueState.IN_PROGRESS, IssueState.RESOLVED, IssueState.CONFIRMED, IssueState.CLOSED);
        assertThat(issue.audit().get(3).why()).isEqualTo("door hinge replaced");
        assertThat(issue.audit()).allSatisfy(a -> assertThat(a.at()).isAfterOrEqualTo(MON_9));
    }

    @Test
    void assignmentChangesTheOwnerAndIsAudited() {
        var issue = Issues.raised("DELIVERY", MON_9);
        assertThat(issue.assign(SUPERVISOR, "handler-zhou", at("2026-03-09T09:05"))).hasSize(1);
        assertThat(issue.owner()).contains("handler-zhou");
        issue.acknowledge(HANDLER, "called", CLOCK, at("2026-03-09T09:30"));
        assertThat(issue.owner()).contains("handler-zhou");
    }

    @Test
    void snapshotRestoresTheSameIssue() {
        var issue = Issues.in(IssueState.RESOLVED, "QUALITY", MON_9);
        var restored = Issue.restore(issue.snapshot());
        assertThat(restored.snapshot()).isEqualTo(issue.snapshot());
        restored.confirm(AGENT, "recontact-2", at("2026-03-10T09:00"));
        assertThat(issue.state()).isEqualTo(IssueState.RESOLVED);
    }

    @Test
    void warnedClocksAreKeptInTheSnapshot() {
        var issue = Issues.raised("DELIVERY", MON_9);
        issue.apply(new com.huifang.feedback.sla.domain.SlaAlert.Warning(SlaKind.FIRST_RESPONSE, Optional.empty()), MON_9);
        assertThat(Issue.restore(issue.snapshot()).warnedClocks()).containsExactly(SlaKind.FIRST_RESPONSE);
    }

    @Test
    void aReopenedIssueMayBeWarnedAgainAboutItsNewResolutionTarget() {
        var issue = Issues.raised("DELIVERY", MON_9);
        var warning = new com.huifang.feedback.sla.domain.SlaAlert.Warning(SlaKind.RESOLUTION, Optional.empty());
        assertThat(issue.apply(warning, at("2026-03-10T17:00"))).hasSize(1);
        assertThat(issue.apply(warning, at("2026-03-10T17:05"))).isEmpty();
        issue.acknowledge(HANDLER, "called", CLOCK, at("2026-03-10T17:10"));
        issue.start(HANDLER, at("2026-03-10T17:20"));
        issue.resolve(HANDLER, "delivered", Optional.empty(), CLOCK, at("2026-03-10T17:30"));
        issue.reopen(AGENT, "recontact-1", "still broken", at("2026-03-11T10:00"));

        assertThat(issue.warnedClocks()).doesNotContain(SlaKind.RESOLUTION);
        assertThat(issue.apply(warning, at("2026-03-12T17:00"))).singleElement()
                .isInstanceOf(IssueEvent.SlaWarning.class);
    }
}
