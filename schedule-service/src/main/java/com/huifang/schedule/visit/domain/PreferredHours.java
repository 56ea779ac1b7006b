package com.huifang.schedule.visit.domain;

import com.huifang.calendar.DailyWindows;
import com.huifang.calendar.TimeWindow;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A customer's preferred hours, stated in their own zone, as windows of the tenant's calendar zone. */
public final class PreferredHours {

    private PreferredHours() {
    }

    /**
     * The hours moved by the difference between the two zones' offsets at {@code at}; empty when a
     * window would cross midnight in the tenant's zone (a window never does), so the plan's windows apply.
     */
    public static Optional<DailyWindows> inTenantZone(DailyWindows hours, ZoneId customerZone, ZoneId tenantZone, Instant at) {
        if (hours == null) {
            return Optional.empty();
        }
        if (customerZone == null || customerZone.equals(tenantZone)) {
            return Optional.of(hours);
        }
        int shift = tenantZone.getRules().getOffset(at).getTotalSeconds() - customerZone.getRules().getOffset(at).getTotalSeconds();
        List<TimeWindow> moved = new ArrayList<>();
        for (TimeWindow w : hours.windows()) {
            int start = w.start().toSecondOfDay() + shift;
            int end = (w.endsAtMidnight() ? 86_400 : w.end().toSecondOfDay()) + shift;
            if (start < 0 || end > 86_400) {
                return Optional.empty();
            }
            moved.add(new TimeWindow(LocalTime.ofSecondOfDay(start), end == 86_400 ? LocalTime.MIDNIGHT : LocalTime.ofSecondOfDay(end)));
        }
        return Optional.of(DailyWindows.of(moved));
    }
}
