package com.huifang.schedule.visit.domain;

import static com.huifang.schedule.support.Fixtures.PRC;
import static com.huifang.schedule.support.Fixtures.TENANT;
import static com.huifang.schedule.support.Fixtures.event;
import static com.huifang.schedule.support.Fixtures.local;
import static com.huifang.schedule.support.Fixtures.plan;
import static com.huifang.schedule.support.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huifang.calendar.DailyWindows;
import com.huifang.calendar.UnknownCalendarYearException;
import com.huifang.calendar.WorkingCalendar;
import com.huifang.schedule.plan.domain.Channel;
import com.huifang.schedule.plan.domain.Offset;
import com.huifang.schedule.plan.domain.Plan;
import com.huifang.schedule.plan.domain.Rung;
import com.huifang.schedule.plan.domain.TenantCalendar;
import com.huifang.schedule.plan.pack.PlanPacks;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VisitPlannerTest {

    private final VisitPlanner planner = new VisitPlanner();

    private PlannedVisit only(PlanningResult r) {
        assertThat(r.visits()).hasSize(1);
        return r.visits().get(0);
    }

    @Test
    void dueDateSkipsNationalDayHoliday() {
        PlannedVisit v = only(planner.plan(plan(Offset.calendarDays(7), null), event("DISCHARGED", sh("2025-09-25T14:00")),
                null, TENANT, sh("2025-09-25T15:00")));
        // 2025 National Day + Mid-Autumn holiday runs 10-01..10-08 (国办发明电〔2024〕12号)
        assertThat(local(v.dueAt())).isEqualTo(LocalDateTime.parse("2025-10-09T10:00"));
        assertThat(v.explanation()).anySatisfy(l -> assertThat(l).contains("DISCHARGED 2025-09-25 14:00 → +7 days = 2025-10-02 14:00"));
        assertThat(v.explanation()).anySatisfy(l -> assertThat(l).contains("2025-10-02 is a public holiday").contains("2025-10-09"));
        assertThat(v.explanation()).anySatisfy(l -> assertThat(l).contains("window 10:00-12:00 → 2025-10-09 10:00"));
    }

    @Test
    void makeUpSundayCountsAsWorkingDay() {
        // signed Friday 2025-09-26 10:30; +1 working day is the make-up Sunday 2025-09-28 (调休上班)
        Plan wealth = PlanPacks.load("wealth-new-contract");
        PlanningResult r = planner.plan(wealth, event("CONTRACT_SIGNED", sh("2025-09-26T10:30")), null, TENANT, sh("2025-09-26T10:31"));
        PlannedVisit v = r.visits().stream().filter(p -> p.stage().equals("new-contract")).findFirst().orElseThrow();
        assertThat(local(v.dueAt())).isEqualTo(LocalDateTime.parse("2025-09-28T10:30"));
        // within 5 working days: make-up Sunday and National Day accounted for → 10-10
        assertThat(local(v.deadlineAt())).isEqualTo(LocalDateTime.parse("2025-10-10T23:59:59"));
        assertThat(v.deadlineAtRisk()).isFalse();
    }

    @Test
    void dueTimeOutsideWindowMovesToNextWindowStart() {
        PlannedVisit v = only(planner.plan(plan(Offset.hours(0), null), event("DISCHARGED", sh("2025-09-23T12:30")),
                null, TENANT, sh("2025-09-23T12:30")));
        assertThat(local(v.dueAt())).isEqualTo(LocalDateTime.parse("2025-09-23T15:00"));
    }

    @Test
    void dueTimeAfterLastWindowMovesToNextWorkingDayFirstWindow() {
        // Friday 17:30 → Monday 10:00
        PlannedVisit v = only(planner.plan(plan(Offset.hours(0), null), event("DISCHARGED", sh("2025-09-19T17:30")),
                null, TENANT, sh("2025-09-19T17:30")));
        assertThat(local(v.dueAt())).isEqualTo(LocalDateTime.parse("2025-09-22T10:00"));
    }

    @Test
    void workingDayOffsetCrossesYearBoundaryOntoMakeUpSunday() {
        // 2026-01-01..03 New Year holiday, Sunday 2026-01-04 is a make-up working day
        PlannedVisit v = only(planner.plan(plan(Offset.workingDays(1), null), event("DISCHARGED", sh("2025-12-31T11:00")),
                null, TENANT, sh("2025-12-31T11:00")));
        assertThat(local(v.dueAt())).isEqualTo(LocalDateTime.parse("2026-01-04T11:00"));
    }

    @Test
    void calendarDayOffsetCrossingNewYearSkipsHoliday() {
        PlannedVisit v = only(planner.plan(plan(Offset.calendarDays(2), null), event("DISCHARGED", sh("2025-12-30T16:00")),
                null, TENANT, sh("2025-12-30T16:00")));
        assertThat(local(v.dueAt())).isEqualTo(LocalDateTime.parse("2026-01-04T10:00"));
    }

    @Test
    void yearUnknownToCalendarPropagatesItsException() {
        assertThatThrownBy(() -> planner.plan(plan(Offset.calendarDays(7), null), event("DISCHARGED", sh("2027-03-01T10:00")),
                null, TENANT, sh("2027-03-01T10:00")))
                .isInstanceOf(UnknownCalendarYearException.class);
    }

    @Test
    void dueTimeAfterDeadlineIsFlaggedAtPlanning() {
        // furniture: installed Tuesday 2025-09-30 18:00, "within 2 days" → 10-02, but 10-01..08 are holidays
        Plan furniture = PlanPacks.load("furniture-installation");
        PlannedVisit v = planner.plan(furniture, event("INSTALLED", sh("2025-09-30T18:00")), null, TENANT, sh("2025-09-30T18:00"))
                .visits().stream().filter(p -> p.stage().equals("installation")).findFirst().orElseThrow();
        assertThat(local(v.dueAt())).isEqualTo(LocalDateTime.parse("2025-10-09T10:00"));
        assertThat(local(v.deadlineAt())).isEqualTo(LocalDateTime.parse("2025-10-02T23:59:59"));
        assertThat(v.deadlineAtRisk()).isTrue();
        assertThat(v.explanation()).anySatisfy(l -> assertThat(l).contains("at risk"));
    }

    @Test
    void lateEventIsPlannedFromNowAndFlaggedWhenPastDeadline() {
        PlannedVisit v = only(planner.plan(plan(Offset.calendarDays(1), Offset.calendarDays(3)),
                event("DISCHARGED", sh("2025-09-01T10:00")), null, TENANT, sh("2025-09-10T10:30")));
        assertThat(local(v.dueAt())).isEqualTo(LocalDateTime.parse("2025-09-10T10:30"));
        assertThat(v.deadlineAtRisk()).isTrue();
    }

    @Test
    void negativeOffsetsPlanBeforeTheExpertsVisit() {
        Plan clinic = PlanPacks.load("clinic-no-show");
        ServiceEvent booked = new ServiceEvent("ev-2", "cust-1", "EXPERT_VISIT_BOOKED", sh("2025-11-01T09:00"),
                sh("2025-11-20T10:00"), null, List.of(), Map.of());
        PlannedVisit v = only(planner.plan(clinic, booked, null, TENANT, sh("2025-11-01T09:00")));
        assertThat(v.stage()).isEqualTo("before-expert");
        assertThat(local(v.earliestAt())).isEqualTo(LocalDateTime.parse("2025-11-10T10:00"));
        assertThat(local(v.dueAt())).isEqualTo(LocalDateTime.parse("2025-11-15T10:00"));
        assertThat(local(v.deadlineAt())).isEqualTo(LocalDateTime.parse("2025-11-19T23:59:59"));
        assertThat(v.priority()).isEqualTo(3);
    }

    @Test
    void noShowWithBookedTimeIsPriorityOneAndLargeProjectPriorityTwo() {
        Plan clinic = PlanPacks.load("clinic-no-show");
        PlannedVisit noShow = only(planner.plan(clinic, event("APPOINTMENT_MISSED", sh("2025-11-08T16:00")), null, TENANT,
                sh("2025-11-08T16:00")));
        assertThat(noShow.priority()).isEqualTo(1);
        // the clinic works weekends: Saturday 16:00 is inside 14:00–20:00
        assertThat(local(noShow.dueAt())).isEqualTo(LocalDateTime.parse("2025-11-08T16:00"));
        assertThat(local(noShow.deadlineAt())).isEqualTo(LocalDateTime.parse("2025-11-09T16:00"));
        ServiceEvent large = new ServiceEvent("ev-3", "cust-1", "EXPERT_VISIT_BOOKED", sh("2025-11-01T09:00"),
                sh("2025-11-20T10:00"), null, List.of(), Map.of("projectAmount", "80000"));
        assertThat(only(planner.plan(clinic, large, null, TENANT, sh("2025-11-01T09:00"))).priority()).isEqualTo(2);
    }

    @Test
    void coolingOffDeadlineCountsFromPolicyReceiptDate() {
        Plan insurance = PlanPacks.load("insurance-new-policy");
        PlannedVisit v = only(planner.plan(insurance, event("POLICY_ISSUED", sh("2025-09-20T09:00"),
                Map.of("policyReceiptDate", "2025-09-29")), null, TENANT, sh("2025-09-20T09:00")));
        assertThat(local(v.dueAt())).isEqualTo(LocalDateTime.parse("2025-09-30T10:00"));
        assertThat(local(v.deadlineAt())).isEqualTo(LocalDateTime.parse("2025-10-14T23:59:59"));
        assertThat(v.ladder()).extracting(Rung::channel)
                .containsExactly(Channel.PHONE, Channel.SECOND_PHONE, Channel.HOME_VISIT, Channel.LETTER);
    }

    @Test
    void missingAttributeDateSkipsTheStageWithAReason() {
        Plan insurance = PlanPacks.load("insurance-new-policy");
        PlanningResult r = planner.plan(insurance, event("POLICY_ISSUED", sh("2025-09-20T09:00")), null, TENANT, sh("2025-09-20T09:00"));
        assertThat(r.visits()).isEmpty();
        assertThat(r.explanation()).anySatisfy(l -> assertThat(l).contains("policyReceiptDate"));
    }

    @Test
    void customerPreferredHoursWinOverPlanWindows() {
        CustomerPreferences prefs = new CustomerPreferences(DailyWindows.parse("19:00-20:30"), null, Consent.ANY);
        PlannedVisit v = only(planner.plan(plan(Offset.calendarDays(1), null), event("DISCHARGED", sh("2025-09-22T10:00")),
                prefs, TENANT, sh("2025-09-22T10:00")));
        assertThat(local(v.dueAt())).isEqualTo(LocalDateTime.parse("2025-09-23T19:00"));
        assertThat(v.windows()).isEqualTo(prefs.preferredHours());
    }

    @Test
    void requestedCallbackTimeWinsOverWindowsAndWorkingDays() {
        CustomerPreferences prefs = new CustomerPreferences(null, sh("2025-09-27T20:15"), Consent.ANY);
        PlannedVisit v = only(planner.plan(plan(Offset.calendarDays(1), null), event("DISCHARGED", sh("2025-09-22T10:00")),
                prefs, TENANT, sh("2025-09-22T10:00")));
        assertThat(v.dueAt()).isEqualTo(sh("2025-09-27T20:15"));
        assertThat(v.explanation()).anySatisfy(l -> assertThat(l).contains("customer asked to be called back"));
    }

    @Test
    void customerRefusingCallsIsReachedBySmsLink() {
        CustomerPreferences prefs = new CustomerPreferences(null, null, new Consent(Set.of("PHONE"), false));
        PlannedVisit v = only(planner.plan(plan(Offset.calendarDays(1), null), event("DISCHARGED", sh("2025-09-22T10:00")),
                prefs, TENANT, sh("2025-09-22T10:00")));
        assertThat(v.channel()).isEqualTo(Channel.SMS_LINK);
        assertThat(v.ladder()).extracting(Rung::channel).containsExactly(Channel.SMS_LINK);
    }

    @Test
    void customerRefusingCallsOnALadderWithoutLinksGetsAnSmsLinkFirst() {
        CustomerPreferences prefs = new CustomerPreferences(null, null, new Consent(Set.of("PHONE"), false));
        Plan insurance = PlanPacks.load("insurance-new-policy");
        PlannedVisit v = only(planner.plan(insurance, event("POLICY_ISSUED", sh("2025-09-20T09:00"),
                Map.of("policyReceiptDate", "2025-09-29")), prefs, TENANT, sh("2025-09-20T09:00")));
        assertThat(v.ladder()).extracting(Rung::channel).containsExactly(Channel.SMS_LINK, Channel.HOME_VISIT, Channel.LETTER);
    }

    @Test
    void customerRefusingAllContactGetsNoVisitAndCountsAsRefused() {
        CustomerPreferences prefs = new CustomerPreferences(null, null, new Consent(Set.of(), true));
        PlanningResult r = planner.plan(plan(Offset.calendarDays(1), null), event("DISCHARGED", sh("2025-09-22T10:00")),
                prefs, TENANT, sh("2025-09-22T10:00"));
        assertThat(r.outcome()).isEqualTo(PlanningOutcome.REFUSED);
        Visit.Created c = Visit.plan("v1", r.visits().get(0), null);
        assertThat(c.visit().state()).isEqualTo(VisitState.REFUSED);
        assertThat(c.events()).last().isInstanceOfSatisfying(VisitEvent.Ended.class,
                e -> assertThat(e.result()).isEqualTo(VisitState.REFUSED));
    }

    @Test
    void eventOfAnotherTypeDoesNotTriggerThePlan() {
        assertThat(planner.plan(plan(Offset.calendarDays(1), null), event("INSTALLED", sh("2025-09-22T10:00")), null, TENANT,
                sh("2025-09-22T10:00")).outcome()).isEqualTo(PlanningOutcome.NOT_TRIGGERED);
    }

    @Test
    void renovationPlansDayTenMidwayAndCompletion() {
        Plan renovation = PlanPacks.load("renovation-stages");
        ServiceEvent started = event("PROJECT_STARTED", sh("2025-09-01T09:00"),
                Map.of("startDate", "2025-09-01", "plannedEndDate", "2025-11-30", "caseId", "proj-7"));
        PlanningResult r = planner.plan(renovation, started, null, TENANT, sh("2025-09-01T09:00"));
        assertThat(r.visits()).extracting(PlannedVisit::stage).containsExactly("day-10", "midway", "completion");
        assertThat(local(r.visits().get(0).dueAt())).isEqualTo(LocalDateTime.parse("2025-09-11T10:00"));
        // midway between 09-01 and 11-30 (90 days) is 10-16 00:00
        assertThat(local(r.visits().get(1).dueAt())).isEqualTo(LocalDateTime.parse("2025-10-16T10:00"));
        // 2025-11-30 is a Sunday → Monday 12-01
        assertThat(local(r.visits().get(2).dueAt())).isEqualTo(LocalDateTime.parse("2025-12-01T10:00"));
        assertThat(r.visits()).allSatisfy(v -> assertThat(v.caseRef()).isEqualTo("proj-7"));
    }

    @Test
    void completionSlipRePlansMidwayAndCompletionOnly() {
        Plan renovation = PlanPacks.load("renovation-stages");
        ServiceEvent slipped = event("PROJECT_RESCHEDULED", sh("2025-10-20T09:00"),
                Map.of("startDate", "2025-09-01", "plannedEndDate", "2025-12-20", "caseId", "proj-7"));
        PlanningResult r = planner.plan(renovation, slipped, null, TENANT, sh("2025-10-20T09:00"));
        assertThat(r.supersededStages()).containsExactly("midway", "completion");
        assertThat(r.visits()).extracting(PlannedVisit::stage).containsExactly("midway", "completion");
        assertThat(local(r.visits().get(1).dueAt())).isEqualTo(LocalDateTime.parse("2025-12-22T10:00"));
    }

    @Test
    void dormantMemberRecursEveryFourWeeksUntilActive() {
        Plan education = PlanPacks.load("education-members");
        ServiceEvent dormant = new ServiceEvent("ev-4", "cust-1", "MEMBER_DORMANT", sh("2025-09-01T09:00"), null,
                "DORMANT_MEMBER", List.of(), Map.of());
        PlanningResult r = planner.plan(education, dormant, null, TENANT, sh("2025-09-01T09:00"));
        assertThat(r.visits()).extracting(PlannedVisit::stage, PlannedVisit::occurrence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dormant", 0), org.assertj.core.groups.Tuple.tuple("dormant-repeat", 1));
        assertThat(local(r.visits().get(1).dueAt())).isEqualTo(LocalDateTime.parse("2025-09-29T10:00"));
        assertThat(planner.planOccurrence(education, "dormant-repeat", 2, dormant, "DORMANT_MEMBER", null, TENANT, sh("2025-09-30T09:00")))
                .hasValueSatisfying(v -> assertThat(local(v.dueAt())).isEqualTo(LocalDateTime.parse("2025-10-27T10:00")));
        assertThat(planner.planOccurrence(education, "dormant-repeat", 2, dormant, "ACTIVE_MEMBER", null, TENANT, sh("2025-09-30T09:00")))
                .isEmpty();
    }

    @Test
    void yearlyRepeatFallsOneYearLaterAndFailsLoudlyInAnUnknownYear() {
        Plan wealth = PlanPacks.load("wealth-new-contract");
        ServiceEvent signed = event("CONTRACT_SIGNED", sh("2025-03-03T10:30"));
        PlannedVisit yearly = planner.plan(wealth, signed, null, TENANT, sh("2025-03-03T10:30")).visits().stream()
                .filter(v -> v.stage().equals("yearly")).findFirst().orElseThrow();
        assertThat(yearly.occurrence()).isEqualTo(1);
        assertThat(local(yearly.dueAt())).isEqualTo(LocalDateTime.parse("2026-03-03T10:30"));
        assertThatThrownBy(() -> planner.planOccurrence(wealth, "yearly", 2, signed, null, null, TENANT, sh("2026-03-03T11:00")))
                .isInstanceOf(UnknownCalendarYearException.class);
    }

    @Test
    void samplingPlanWaitsForTheSampleThenForcesHomeVisit() {
        Plan property = PlanPacks.load("property-household-sampling");
        ServiceEvent served = event("HOUSEHOLD_SERVICE_DONE", sh("2025-09-10T10:00"));
        assertThat(planner.plan(property, served, null, TENANT, sh("2025-09-10T10:00")).outcome())
                .isEqualTo(PlanningOutcome.AWAITING_SAMPLING);
        PlanningResult r = planner.plan(property, served, null, TENANT, sh("2025-10-09T09:00"), PlanningOptions.sampled(Channel.HOME_VISIT));
        assertThat(only(r).channel()).isEqualTo(Channel.HOME_VISIT);
        assertThat(local(only(r).dueAt())).isEqualTo(LocalDateTime.parse("2025-10-09T10:00"));
    }

    @Test
    void reContactOfResolvedIssueIsDueNextWorkingDayWithDeadlineInWorkingDays() {
        RecontactPolicy policy = new RecontactPolicy(null, 3, List.of(Rung.phone(Channel.PHONE, 3)), 2, "survey-recontact");
        IssueResolution issue = new IssueResolution("iss-1", "cust-1", "v-1", "DELIVERY", sh("2025-09-26T16:00"));
        PlannedVisit v = planner.planRecontact(issue, policy, null, TENANT, sh("2025-09-26T16:00")).orElseThrow();
        // next working day after Friday 09-26 is the make-up Sunday 09-28
        assertThat(local(v.dueAt())).isEqualTo(LocalDateTime.parse("2025-09-28T10:00"));
        assertThat(local(v.deadlineAt())).isEqualTo(LocalDateTime.parse("2025-09-30T23:59:59"));
        assertThat(v.stage()).isEqualTo("recontact");
    }

    @Test
    void followUpBookedByAgentKeepsTheVisitsLadderAndPriority() {
        Visit source = Visit.plan("v1", only(planner.plan(plan(Offset.calendarDays(1), null),
                event("DISCHARGED", sh("2025-09-22T10:00")), null, TENANT, sh("2025-09-22T10:00"))), "agent-1").visit();
        PlannedVisit f = planner.planFollowUp(source, new FollowUpRequest(sh("2025-11-03T08:00"), 2, "after the next check-up"),
                TENANT, sh("2025-09-23T10:00"));
        assertThat(local(f.dueAt())).isEqualTo(LocalDateTime.parse("2025-11-03T10:00"));
        assertThat(local(f.deadlineAt())).isEqualTo(LocalDateTime.parse("2025-11-05T23:59:59"));
        assertThat(f.ladder()).isEqualTo(source.ladder());
        assertThat(f.stage()).isEqualTo("follow-up");
    }

    @Test
    void dayOffsetsKeepLocalTimeAcrossDstStart() {
        ZoneId ny = ZoneId.of("America/New_York");
        WorkingCalendar usCal = WorkingCalendar.builder().zone(ny).weeklyWorkingDays(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY).knownYears(2025, 2025).build();
        TenantCalendar tenant = new TenantCalendar(usCal, DailyWindows.parse("09:00-12:00, 13:00-17:00"));
        // Friday 2025-03-07 14:00 EST; +2 days = Sunday 03-09 (DST starts) → Monday 09:00 EDT
        var start = ZonedDateTime.of(2025, 3, 7, 14, 0, 0, 0, ny).toInstant();
        PlannedVisit v = only(planner.plan(plan(Offset.calendarDays(2), null), event("DISCHARGED", start), null, tenant, start));
        assertThat(v.dueAt().atZone(ny).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2025-03-10T09:00"));
        assertThat(v.dueAt().atZone(ny).getOffset().getTotalSeconds()).isEqualTo(-4 * 3600);
        // Hours are absolute: 24 h after Saturday 12:00 EST is Sunday 13:00 EDT
        var sat = ZonedDateTime.of(2025, 3, 8, 12, 0, 0, 0, ny).toInstant();
        Plan hours = plan(Offset.hours(24), null);
        Plan anyDay = new Plan(hours.id(), 1, "t1", "x", hours.triggers(), List.of(new com.huifang.schedule.plan.domain.Stage("main",
                List.of(), hours.stages().get(0).timing(), DailyWindows.parse("00:00-23:59"), true, null, null, null)),
                hours.ladder(), hours.priority(), null, "s", hours.assignment(), null, null);
        PlannedVisit h = only(planner.plan(anyDay, event("DISCHARGED", sat), null, tenant, sat));
        assertThat(h.dueAt().atZone(ny).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2025-03-09T13:00"));
    }

    @Test
    void windowStartInsideDstGapResolvesForward() {
        ZoneId ny = ZoneId.of("America/New_York");
        WorkingCalendar usCal = WorkingCalendar.builder().zone(ny).weeklyWorkingDays(Set.of(DayOfWeek.values()))
                .knownYears(2025, 2025).build();
        TenantCalendar tenant = new TenantCalendar(usCal, DailyWindows.parse("02:30-04:00"));
        var before = ZonedDateTime.of(2025, 3, 9, 0, 30, 0, 0, ny).toInstant();
        PlannedVisit v = only(planner.plan(plan(Offset.hours(0), null), event("DISCHARGED", before), null, tenant, before));
        assertThat(v.dueAt().atZone(ny).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2025-03-09T03:30"));
    }

    @Test
    void prcCalendarIsUsedInShanghaiZone() {
        assertThat(PRC.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }
}
