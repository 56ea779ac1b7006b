package com.huifang.schedule.visit.domain;

import static com.huifang.schedule.support.Fixtures.PRC;
import static com.huifang.schedule.support.Fixtures.TENANT;
import static com.huifang.schedule.support.Fixtures.event;
import static com.huifang.schedule.support.Fixtures.local;
import static com.huifang.schedule.support.Fixtures.plan;
import static com.huifang.schedule.support.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huifang.schedule.plan.domain.Channel;
import com.huifang.schedule.plan.domain.Offset;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VisitTest {

    /** Due Tuesday 2025-09-23 10:00, deadline 09-26 10:00; ladder PHONE×3, SECOND_PHONE×3, SMS_LINK. */
    private Visit visit() {
        PlannedVisit spec = new VisitPlanner().plan(plan(Offset.calendarDays(1), Offset.calendarDays(4)),
                event("DISCHARGED", sh("2025-09-22T10:00")), null, TENANT, sh("2025-09-22T10:00")).visits().get(0);
        Visit v = Visit.plan("v1", spec, "agent-1").visit();
        v.markDue(sh("2025-09-23T10:00"));
        return v;
    }

    private static Attempt noAnswer(Channel c, String at, int ring) {
        return Attempt.of(c, sh(at), AttemptOutcome.NO_ANSWER, ring, "agent-1");
    }

    @Test
    void plannedVisitPublishesPlannedThenDueOnce() {
        PlannedVisit spec = new VisitPlanner().plan(plan(Offset.calendarDays(1), null), event("DISCHARGED", sh("2025-09-22T10:00")),
                null, TENANT, sh("2025-09-22T10:00")).visits().get(0);
        Visit.Created c = Visit.plan("v1", spec, "agent-1");
        assertThat(c.events()).singleElement().isInstanceOf(VisitEvent.Planned.class);
        assertThatThrownBy(() -> c.visit().markDue(sh("2025-09-23T09:00"))).isInstanceOf(VisitRuleException.class);
        assertThat(c.visit().markDue(sh("2025-09-23T10:00"))).singleElement().isInstanceOf(VisitEvent.Due.class);
        assertThatThrownBy(() -> c.visit().markDue(sh("2025-09-23T10:01")))
                .isInstanceOf(IllegalVisitTransitionException.class)
                .hasMessageContaining("allowed from DUE: [IN_PROGRESS, CANCELLED, REFUSED]");
    }

    @Test
    void noAnswerIsRetriedAtAnotherTimeOfDay() {
        Visit v = visit();
        v.recordAttempt(noAnswer(Channel.PHONE, "2025-09-23T10:30", 25), PRC);
        assertThat(v.state()).isEqualTo(VisitState.IN_PROGRESS);
        assertThat(local(v.nextAttemptAt())).isEqualTo(LocalDateTime.parse("2025-09-23T15:00"));
        v.recordAttempt(noAnswer(Channel.PHONE, "2025-09-23T15:10", 25), PRC);
        assertThat(local(v.nextAttemptAt())).isEqualTo(LocalDateTime.parse("2025-09-24T10:00"));
    }

    @Test
    void retryAfterFridayAfternoonGoesToNextWorkingDayMorning() {
        Visit v = visit();
        v.recordAttempt(noAnswer(Channel.PHONE, "2025-09-26T15:30", 30), PRC);
        // Sat 09-27 rest day, Sun 09-28 make-up working day
        assertThat(local(v.nextAttemptAt())).isEqualTo(LocalDateTime.parse("2025-09-28T10:00"));
    }

    @Test
    void ringShorterThanTwentySecondsDoesNotCount() {
        Visit v = visit();
        List<VisitEvent> events = v.recordAttempt(noAnswer(Channel.PHONE, "2025-09-23T10:30", 12), PRC);
        assertThat(events.get(0)).isInstanceOfSatisfying(VisitEvent.Attempted.class, a -> assertThat(a.counted()).isFalse());
        assertThat(v.countedOnRung()).isZero();
    }

    @Test
    void threeCountedTriesFallToTheNextRungThenLadderExhaustedFails() {
        Visit v = visit();
        v.recordAttempt(noAnswer(Channel.PHONE, "2025-09-23T10:30", 25), PRC);
        v.recordAttempt(Attempt.of(Channel.PHONE, sh("2025-09-23T15:00"), AttemptOutcome.BUSY, null, "agent-1"), PRC);
        v.recordAttempt(Attempt.of(Channel.PHONE, sh("2025-09-24T10:00"), AttemptOutcome.POWERED_OFF, null, "agent-1"), PRC);
        assertThat(v.currentChannel()).isEqualTo(Channel.SECOND_PHONE);
        v.recordAttempt(Attempt.of(Channel.SECOND_PHONE, sh("2025-09-24T10:05"), AttemptOutcome.WRONG_NUMBER, null, "agent-1"), PRC);
        assertThat(v.currentChannel()).isEqualTo(Channel.SMS_LINK);
        List<VisitEvent> events = v.recordAttempt(noAnswer(Channel.SMS_LINK, "2025-09-25T10:00", 0), PRC);
        assertThat(v.state()).isEqualTo(VisitState.FAILED);
        assertThat(events).last().isInstanceOfSatisfying(VisitEvent.Ended.class, e -> {
            assertThat(e.result()).isEqualTo(VisitState.FAILED);
            assertThat(e.attempts()).isEqualTo(5);
            assertThat(e.onTime()).isFalse();
        });
    }

    @Test
    void attemptOnAnotherChannelThanTheCurrentRungIsRejected() {
        assertThatThrownBy(() -> visit().recordAttempt(noAnswer(Channel.SMS_LINK, "2025-09-23T10:30", 0), PRC))
                .isInstanceOf(VisitRuleException.class).hasMessageContaining("PHONE");
    }

    @Test
    void callBackLaterBooksTheCustomersTimeForTheAgent() {
        Visit v = visit();
        v.recordAttempt(Attempt.callBackLater(Channel.PHONE, sh("2025-09-23T10:30"), sh("2025-09-23T19:45"), "agent-2"), PRC);
        assertThat(v.nextAttemptAt()).isEqualTo(sh("2025-09-23T19:45"));
        assertThat(v.callbackAgentId()).isEqualTo("agent-2");
        assertThat(v.countedOnRung()).isZero();
    }

    @Test
    void reachedCompletesOnTimeBeforeDeadlineButLateAfterIt() {
        Visit v = visit();
        List<VisitEvent> events = v.recordAttempt(Attempt.of(Channel.PHONE, sh("2025-09-23T10:30"), AttemptOutcome.REACHED, 30, "agent-1"), PRC);
        assertThat(events).last().isInstanceOfSatisfying(VisitEvent.Ended.class, e -> assertThat(e.onTime()).isTrue());
        Visit late = visit();
        List<VisitEvent> lateEvents = late.recordAttempt(Attempt.of(Channel.PHONE, sh("2025-09-29T10:30"), AttemptOutcome.REACHED, 30, "agent-1"), PRC);
        assertThat(lateEvents).last().isInstanceOfSatisfying(VisitEvent.Ended.class, e -> {
            assertThat(e.result()).isEqualTo(VisitState.COMPLETED);
            assertThat(e.onTime()).isFalse();
        });
    }

    @Test
    void endedVisitRejectsFurtherAttemptsListingNoAllowedState() {
        Visit v = visit();
        v.recordAttempt(Attempt.of(Channel.PHONE, sh("2025-09-23T10:30"), AttemptOutcome.REFUSED, 30, "agent-1"), PRC);
        assertThat(v.state()).isEqualTo(VisitState.REFUSED);
        assertThatThrownBy(() -> v.recordAttempt(noAnswer(Channel.PHONE, "2025-09-23T15:00", 30), PRC))
                .isInstanceOf(IllegalVisitTransitionException.class).hasMessageContaining("none (it has ended)");
    }

    @Test
    void unknownOutcomeCodeIsRejectedWithTheValidCodes() {
        assertThatThrownBy(() -> AttemptOutcome.parse("HUNG_UP")).isInstanceOf(VisitRuleException.class)
                .hasMessageContaining("CALL_BACK_LATER");
        assertThat(AttemptOutcome.parse("no_answer")).isEqualTo(AttemptOutcome.NO_ANSWER);
    }

    @Test
    void consentRefusingCallsMovesOpenVisitToSmsLink() {
        Visit v = visit();
        v.recordAttempt(noAnswer(Channel.PHONE, "2025-09-23T10:30", 25), PRC);
        List<VisitEvent> events = v.applyConsent(new Consent(Set.of("PHONE"), false), sh("2025-09-23T11:00"));
        assertThat(v.currentChannel()).isEqualTo(Channel.SMS_LINK);
        assertThat(events).singleElement().isInstanceOf(VisitEvent.Rescheduled.class);
    }

    @Test
    void consentRefusingAllContactEndsOpenVisitRefusedNotFailed() {
        Visit v = visit();
        List<VisitEvent> events = v.applyConsent(new Consent(Set.of(), true), sh("2025-09-23T11:00"));
        assertThat(v.state()).isEqualTo(VisitState.REFUSED);
        assertThat(events).singleElement().isInstanceOfSatisfying(VisitEvent.Ended.class,
                e -> assertThat(e.result()).isEqualTo(VisitState.REFUSED));
        assertThat(v.applyConsent(new Consent(Set.of(), true), sh("2025-09-23T12:00"))).isEmpty();
    }

    @Test
    void policyWithdrawnBeforeTheVisitCancelsIt() {
        Visit v = visit();
        assertThat(v.cancel("policy withdrawn", sh("2025-09-23T09:00"))).singleElement()
                .isInstanceOfSatisfying(VisitEvent.Ended.class, e -> {
                    assertThat(e.result()).isEqualTo(VisitState.CANCELLED);
                    assertThat(e.attempts()).isZero();
                });
        assertThatThrownBy(() -> v.cancel("again", sh("2025-09-23T09:01"))).isInstanceOf(IllegalVisitTransitionException.class);
    }

    @Test
    void plannedVisitMayBeWorkedFromItsEarliestTimeButNotBefore() {
        PlannedVisit spec = new VisitPlanner().plan(plan(Offset.calendarDays(1), null), event("DISCHARGED", sh("2025-09-22T10:00")),
                null, TENANT, sh("2025-09-22T10:00")).visits().get(0);
        Visit v = Visit.plan("v1", spec, "agent-1").visit();
        assertThatThrownBy(() -> v.recordAttempt(noAnswer(Channel.PHONE, "2025-09-22T15:00", 25), PRC))
                .isInstanceOf(VisitRuleException.class);
        v.recordAttempt(noAnswer(Channel.PHONE, "2025-09-23T10:00", 25), PRC);
        assertThat(v.state()).isEqualTo(VisitState.IN_PROGRESS);
    }

    @Test
    void snapshotRestoresAnEqualVisit() {
        Visit v = visit();
        v.recordAttempt(noAnswer(Channel.PHONE, "2025-09-23T10:30", 25), PRC);
        assertThat(Visit.restore(v.snapshot()).snapshot()).isEqualTo(v.snapshot());
    }

    @Test
    void homeVisitsAndLettersStayWithinTenPercent() {
        assertThat(ChannelMix.INSURANCE.withinLimit(10, 100)).isTrue();
        assertThat(ChannelMix.INSURANCE.permitsAnother(10, 100)).isFalse();
        assertThat(ChannelMix.INSURANCE.permitsAnother(9, 100)).isTrue();
        assertThat(ChannelMix.costlyPercent(5, 50)).isEqualTo(10.0);
    }

    @Test
    void laterPreferredHoursReplanAVisitNobodyStartedIntoThoseHoursKeepingTheDeadline() {
        var plan = plan(Offset.calendarDays(1), Offset.calendarDays(4));
        var discharged = event("DISCHARGED", sh("2025-09-22T10:00"));
        PlannedVisit first = new VisitPlanner().plan(plan, discharged, null, TENANT, sh("2025-09-22T10:00")).visits().get(0);
        Visit v = Visit.plan("v1", first, "agent-1").visit();
        assertThat(v.replannable()).isTrue();

        var prefs = new CustomerPreferences(com.huifang.calendar.DailyWindows.parse("19:00-20:00"), null, Consent.ANY);
        List<String> explain = new java.util.ArrayList<>();
        PlannedVisit again = new VisitPlanner().replanStage(plan, "main", 0, discharged, prefs, TENANT,
                sh("2025-09-22T12:00"), explain).orElseThrow();
        List<VisitEvent> events = v.replan(again, "profile-v2", "preferred hours changed");

        assertThat(local(v.dueAt())).isEqualTo(LocalDateTime.parse("2025-09-23T19:00"));
        assertThat(v.deadlineAt()).isEqualTo(first.deadlineAt());
        assertThat(v.nextAttemptAt()).isEqualTo(v.dueAt());
        // the same preferences again change nothing, and say nothing
        assertThat(v.replan(again, "profile-v3", "contact channels changed")).isEmpty();
        assertThat(again.explanation()).anyMatch(l -> l.contains("preferred hours"));
        assertThat(events).singleElement().isInstanceOfSatisfying(VisitEvent.Replanned.class, r -> {
            assertThat(r.revision()).isEqualTo("profile-v2");
            assertThat(r.planned().visitId()).isEqualTo("v1");
            assertThat(r.planned().dueAt()).isEqualTo(v.dueAt());
            assertThat(r.planned().assigneeId()).isEqualTo("agent-1");
        });
    }

    @Test
    void aVisitAlreadyTriedOrDueIsNotReplanned() {
        Visit due = visit();
        assertThat(due.replannable()).isFalse();
        PlannedVisit spec = new VisitPlanner().plan(plan(Offset.calendarDays(1), null), event("DISCHARGED", sh("2025-09-22T10:00")),
                null, TENANT, sh("2025-09-22T10:00")).visits().get(0);
        assertThatThrownBy(() -> due.replan(spec, "profile-v2", "x")).isInstanceOf(VisitRuleException.class);
        due.recordAttempt(noAnswer(Channel.PHONE, "2025-09-23T10:30", 25), PRC);
        assertThat(due.replannable()).isFalse();
    }

    @Test
    void theAttemptedEventCarriesTheRecordingReference() {
        Visit v = visit();
        Attempt call = new Attempt(Channel.PHONE, sh("2025-09-23T10:30"), AttemptOutcome.NO_ANSWER, null, 25, null,
                "rec-42", null, "agent-1");
        assertThat(v.recordAttempt(call, PRC).get(0)).isInstanceOfSatisfying(VisitEvent.Attempted.class,
                a -> assertThat(a.recordingRef()).isEqualTo("rec-42"));
    }
}
