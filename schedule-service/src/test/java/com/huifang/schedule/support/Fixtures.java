package com.huifang.schedule.support;

import com.huifang.calendar.DailyWindows;
import com.huifang.calendar.HolidayCalendars;
import com.huifang.calendar.WorkingCalendar;
import com.huifang.schedule.plan.domain.AssignmentPolicy;
import com.huifang.schedule.plan.domain.Deadline;
import com.huifang.schedule.plan.domain.Offset;
import com.huifang.schedule.plan.domain.Plan;
import com.huifang.schedule.plan.domain.Priority;
import com.huifang.schedule.plan.domain.Rung;
import com.huifang.schedule.plan.domain.Stage;
import com.huifang.schedule.plan.domain.Timing;
import com.huifang.schedule.plan.domain.Triggers;
import com.huifang.schedule.plan.domain.Channel;
import com.huifang.schedule.visit.domain.ServiceEvent;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Object mother for the schedule domain tests. */
public final class Fixtures {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final WorkingCalendar PRC = HolidayCalendars.prc();
    public static final com.huifang.schedule.plan.domain.TenantCalendar TENANT =
            new com.huifang.schedule.plan.domain.TenantCalendar(PRC, DailyWindows.parse("10:00-12:00, 15:00-17:00"));

    private Fixtures() {
    }

    /** A local time in Shanghai as an instant. */
    public static Instant sh(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    public static LocalDateTime local(Instant t) {
        return LocalDateTime.ofInstant(t, SHANGHAI);
    }

    public static ServiceEvent event(String type, Instant at) {
        return new ServiceEvent("ev-1", "cust-1", type, at, null, null, List.of("sales-1"), Map.of());
    }

    public static ServiceEvent event(String type, Instant at, Map<String, String> attributes) {
        return new ServiceEvent("ev-1", "cust-1", type, at, null, null, List.of("sales-1"), attributes);
    }

    public static List<Rung> phoneLadder() {
        return List.of(Rung.phone(Channel.PHONE, 3), Rung.phone(Channel.SECOND_PHONE, 3), Rung.once(Channel.SMS_LINK));
    }

    /** One stage, due {@code due} after the event, windows of the tenant, optional deadline. */
    public static Plan plan(Offset due, Offset deadline) {
        Stage s = new Stage("main", List.of(), Timing.at(due), null, false,
                deadline == null ? null : new Deadline(deadline, false), null, null);
        return new Plan("p1", 1, "t1", "test", new Triggers(List.of("DISCHARGED"), List.of()), List.of(s), phoneLadder(),
                Priority.of(3), null, "survey-1", new AssignmentPolicy(AssignmentPolicy.Kind.ROUND_ROBIN, null, 30), null, null);
    }
}
