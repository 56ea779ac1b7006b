package com.huifang.schedule.visit.domain;

import static com.huifang.schedule.support.Fixtures.PRC;
import static com.huifang.schedule.support.Fixtures.TENANT;
import static com.huifang.schedule.support.Fixtures.event;
import static com.huifang.schedule.support.Fixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.schedule.plan.domain.CallingTimes;
import com.huifang.schedule.plan.domain.Offset;
import com.huifang.schedule.plan.domain.OffsetUnit;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class VisitPlannerProperties {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant START_2025 = LocalDateTime.parse("2025-01-01T00:00").atZone(ZONE).toInstant();
    private final VisitPlanner planner = new VisitPlanner();
    private final CallingTimes times = new CallingTimes(PRC, TENANT.callingWindows(), false);

    private static Instant in2025(int minuteOfYear) {
        return START_2025.plusSeconds(60L * minuteOfYear);
    }

    @Property(tries = 500)
    void dueTimeIsAlwaysInsideAWindowOnAWorkingDayAndNotBeforeTheRawDue(
            @ForAll @IntRange(min = 0, max = 525_000) int minute, @ForAll @IntRange(min = 0, max = 40) int amount,
            @ForAll OffsetUnit unit, @ForAll @IntRange(min = 0, max = 10) int deadlineDays) {
        Instant at = in2025(minute);
        PlannedVisit v = planner.plan(plan(new Offset(amount, unit, null), Offset.calendarDays(amount + deadlineDays)),
                event("DISCHARGED", at), null, TENANT, at).visits().get(0);
        LocalDateTime due = LocalDateTime.ofInstant(v.dueAt(), ZONE);
        assertThat(PRC.isWorkingDay(due.toLocalDate())).isTrue();
        assertThat(TENANT.callingWindows().contains(due.toLocalTime())).isTrue();
        assertThat(v.dueAt()).isAfterOrEqualTo(at);
        assertThat(v.deadlineAtRisk()).isEqualTo(v.dueAt().isAfter(v.deadlineAt()));
        assertThat(v.earliestAt()).isBeforeOrEqualTo(v.dueAt());
    }

    @Property(tries = 1000)
    void firstSlotAgreesWithTheCalendarsNextWindowStart(@ForAll @IntRange(min = 0, max = 1_000_000) int minute) {
        Instant at = in2025(minute);
        assertThat(times.firstSlotOnOrAfter(at)).isEqualTo(PRC.nextWindowStart(at, TENANT.callingWindows()));
    }

    @Property(tries = 1000)
    void retryIsAtAnotherTimeOfDayOnAWorkingDay(@ForAll @IntRange(min = 0, max = 1_000_000) int minute) {
        Instant at = times.firstSlotOnOrAfter(in2025(minute));
        Instant next = times.nextSlotInAnotherWindow(at);
        LocalDateTime n = LocalDateTime.ofInstant(next, ZONE);
        assertThat(next).isAfter(at);
        assertThat(PRC.isWorkingDay(n.toLocalDate())).isTrue();
        assertThat(times.windowIndex(next)).isNotEqualTo(times.windowIndex(at));
    }

    @Property(tries = 300)
    void workingDayOffsetsLandOnWorkingDaysAndCountExactly(@ForAll @IntRange(min = 0, max = 520_000) int minute,
                                                           @ForAll @IntRange(min = 1, max = 30) int n) {
        Instant at = in2025(minute);
        Instant raw = VisitPlanner.apply(at, Offset.workingDays(n), PRC, ZONE);
        var from = LocalDateTime.ofInstant(at, ZONE).toLocalDate();
        var to = LocalDateTime.ofInstant(raw, ZONE).toLocalDate();
        assertThat(PRC.isWorkingDay(to)).isTrue();
        assertThat(PRC.workingDaysBetween(from, to)).isEqualTo(n);
    }
}
