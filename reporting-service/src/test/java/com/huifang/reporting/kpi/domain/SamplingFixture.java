package com.huifang.reporting.kpi.domain;

import static com.huifang.reporting.facts.domain.ReportingEvents.event;

import com.huifang.contracts.events.SampleDrawn;
import com.huifang.contracts.events.ServiceEventRecorded;
import com.huifang.contracts.events.VisitCompleted;
import com.huifang.contracts.events.VisitPlanned;
import com.huifang.reporting.facts.domain.AppliedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Object mother of sampling populations: n households served by one service-event type on one tenant-local
 * day, visits of a plan planned from the first k of them, the first s of which succeed, and the plan's draws.
 */
public final class SamplingFixture {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private SamplingFixture() {
    }

    /** Service events "se-{prefix}-{i}" of customers "h-{prefix}-{i}" at 10:00 local on {@code day}. */
    public static List<AppliedEvent> served(String tenant, String prefix, int n, String type, LocalDate day,
                                            int mandatoryFirst) {
        List<AppliedEvent> out = new ArrayList<>();
        Instant at = day.atTime(10, 0).atZone(SHANGHAI).toInstant();
        for (int i = 0; i < n; i++) {
            Map<String, String> attributes = i < mandatoryFirst ? Map.of("newContract", "true") : Map.of();
            out.add(event(tenant, "se-" + prefix + "-" + i, at, new ServiceEventRecorded("se-" + prefix + "-" + i,
                    "h-" + prefix + "-" + i, type, at, null, "CAT", List.of("s1"), "STAFF", null, attributes)));
        }
        return out;
    }

    /** Visits "v-{plan}-{prefix}-{i}" for the first {@code planned} households, the first {@code succeeded} COMPLETED. */
    public static List<AppliedEvent> visits(String tenant, String plan, String prefix, int planned, int succeeded,
                                            LocalDate servedOn) {
        List<AppliedEvent> out = new ArrayList<>();
        Instant due = servedOn.plusMonths(1).withDayOfMonth(5).atTime(10, 0).atZone(SHANGHAI).toInstant();
        for (int i = 0; i < planned; i++) {
            String visit = "v-" + plan + "-" + prefix + "-" + i;
            out.add(event(tenant, "planned-" + visit, due.minusSeconds(86_400), new VisitPlanned(visit,
                    "h-" + prefix + "-" + i, plan, 1, "main", "se-" + prefix + "-" + i, "tpl", due.minusSeconds(86_400),
                    due, null, "PHONE", 2, "a1", false)));
            if (i < succeeded) {
                out.add(event(tenant, "completed-" + visit, due, new VisitCompleted(visit, "h-" + prefix + "-" + i,
                        plan, "COMPLETED", "PHONE", "a1", due, null, true, 1)));
            }
        }
        return out;
    }

    /** schedule-service's draw of a plan's period, drawn on the 1st of the next month. */
    public static SampleDrawn drawn(String plan, String period, int population, double tierPercent, int required,
                                    int mandatory, int selected) {
        java.time.LocalDate next = SampleDraw.span(period).end().plusDays(1);
        return new SampleDrawn(plan, period, population, tierPercent, required, mandatory, selected,
                next.atTime(9, 0).atZone(SHANGHAI).toInstant());
    }

    /** The draw as reporting keeps it. */
    public static SampleDraw draw(String tenant, String plan, String period, int population, double tierPercent,
                                  int required, int mandatory, int selected) {
        return SampleDraw.of(tenant, drawn(plan, period, population, tierPercent, required, mandatory, selected));
    }

    /** The draw as it arrives on the visits topic. */
    public static AppliedEvent drawEvent(String tenant, String plan, String period, int population, double tierPercent,
                                         int required, int mandatory, int selected) {
        SampleDrawn d = drawn(plan, period, population, tierPercent, required, mandatory, selected);
        return event(tenant, "drawn-" + plan + "-" + period, d.drawnAt(), d);
    }
}
