package com.huifang.schedule.plan.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.schedule.plan.pack.PlanPacks;
import com.huifang.schedule.sampling.domain.SamplingPeriod;
import com.huifang.schedule.sampling.domain.SamplingPlan;
import com.huifang.schedule.sampling.domain.SamplingTier;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanValidatorTest {

    private final PlanValidator validator = new PlanValidator();
    private final Plan base = PlanPacks.load("hospital-inpatient");

    private Plan withStage(Stage s) {
        return new Plan(base.id(), 1, "t", "n", base.triggers(), List.of(s), base.ladder(), base.priority(), base.sampling(),
                base.surveyTemplateId(), base.assignment(), base.targets(), base.replan());
    }

    private List<String> paths(Plan p) {
        return validator.validate(p).stream().map(PlanError::path).toList();
    }

    @Test
    void deadlineBeforeEarliestIsImpossibleTiming() {
        Stage s = new Stage("main", List.of(), Timing.at(Offset.calendarDays(7)), null, false,
                new Deadline(Offset.calendarDays(5), true), null, null);
        assertThat(paths(withStage(s))).containsExactly("/stages/0/deadline/offset/amount");
    }

    @Test
    void dueBeforeEarliestIsImpossibleTiming() {
        Stage s = new Stage("main", List.of(), new Timing(Offset.calendarDays(-10).from(Anchor.SCHEDULED),
                Offset.calendarDays(-5).from(Anchor.SCHEDULED)), null, false, null, null, null);
        assertThat(paths(withStage(s))).containsExactly("/stages/0/timing/due/amount");
    }

    @Test
    void deadlineInWorkingDaysIsOnlyRejectedWhenCertainlyBeforeEarliest() {
        Stage maybe = new Stage("main", List.of(), Timing.at(Offset.calendarDays(3)), null, false,
                new Deadline(Offset.workingDays(2), true), null, null);
        assertThat(paths(withStage(maybe))).isEmpty();
        Stage hours = new Stage("main", List.of(), Timing.at(Offset.workingDays(2)), null, false,
                new Deadline(Offset.hours(24), false), null, null);
        assertThat(paths(withStage(hours))).containsExactly("/stages/0/deadline/offset/amount");
    }

    @Test
    void everyErrorIsReportedWithItsPath() {
        Plan p = new Plan("", 0, "t", "n", new Triggers(List.of(), List.of()),
                List.of(new Stage("a", List.of("NOPE"), Timing.at(new Offset(1, null, Anchor.attribute(""))), null, false, null, 7,
                        new Recurrence(RecurrenceKind.EVERY_N_WEEKS, 0, List.of(), null))),
                List.of(new Rung(Channel.PHONE, 0, Spacing.ANOTHER_TIME_OF_DAY, 10)), new Priority(4, List.of()),
                new SamplingPlan(SamplingPeriod.MONTH, List.of(new SamplingTier(0, 99, 30), new SamplingTier(150, 300, 120)), List.of(), null),
                null, null, null, new Replan(List.of("X"), List.of("missing")));
        assertThat(paths(p)).containsExactlyInAnyOrder(
                "/id", "/version", "/surveyTemplateId", "/triggers/eventTypes",
                "/stages/0/eventTypes/0", "/stages/0/timing/due/unit", "/stages/0/timing/due/anchor/attribute",
                "/stages/0/priority", "/stages/0/recurrence/interval", "/stages/0/recurrence/stopWhenCategoryIn",
                "/ladder/0/attempts", "/ladder/0/minRingSeconds", "/priority/level",
                "/sampling/tiers/1/percent", "/sampling/tiers/1/minHouseholds", "/sampling/tiers/1/maxHouseholds",
                "/assignment/kind", "/replan/stages/0");
    }
}
