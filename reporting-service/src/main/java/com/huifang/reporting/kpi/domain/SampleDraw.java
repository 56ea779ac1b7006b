package com.huifang.reporting.kpi.domain;

import com.huifang.contracts.events.SampleDrawn;
import java.time.Instant;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sampling plan's draw of one period as schedule-service announced it ({@code SampleDrawn}): the exact
 * population, tier, required count and mandatory households sampling compliance is judged against. A copy
 * per tenant, plan and period; of two copies the later draw wins (schedule-service announces a period once,
 * so in practice there is one).
 *
 * @param period      "2026-11" (a plan sampling per month) or "2026-Q4" (per quarter), tenant-local
 * @param tierPercent the tier's share of the population, e.g. 20
 * @param required    ⌈population × tier⌉, never below {@code mandatory}, at most the population
 * @param mandatory   households that had to be in the sample (new contract, new staff, staff complained about)
 * @param selected    households selected
 */
public record SampleDraw(String tenantId, String planId, String period, long population, double tierPercent,
                         long required, long mandatory, long selected, Instant drawnAt) {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    public SampleDraw {
        if (tenantId == null || planId == null || planId.isBlank() || period == null) {
            throw new IllegalArgumentException("a draw needs a tenant, a plan and a period");
        }
        span(period); // a period neither month nor quarter is refused
    }

    public static SampleDraw of(String tenantId, SampleDrawn e) {
        return new SampleDraw(tenantId, e.planId(), e.period(), e.population(), e.tierPercent(), e.required(),
                e.mandatory(), e.selected(), e.drawnAt());
    }

    /** True for a quarter's draw ("2026-Q4"), false for a month's. */
    public boolean quarterly() {
        return QUARTER.matcher(period).matches();
    }

    /** The dates the draw's period covers. */
    public ReportRange span() {
        return span(period);
    }

    /** The dates of a month ("2026-11") or a quarter ("2026-Q4"). */
    public static ReportRange span(String period) {
        Matcher m = MONTH.matcher(period == null ? "" : period);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                return ReportRange.month(YearMonth.of(Integer.parseInt(m.group(1)), month));
            }
        }
        Matcher q = QUARTER.matcher(period == null ? "" : period);
        if (q.matches()) {
            return ReportRange.quarter(Integer.parseInt(q.group(1)), Integer.parseInt(q.group(2)));
        }
        throw new IllegalArgumentException("a sampling period is yyyy-MM or yyyy-Qn, was " + period);
    }

    /** The one of this and {@code other} (same tenant, plan and period) that the copy keeps: the later draw. */
    public SampleDraw merge(SampleDraw other) {
        if (other == null) {
            return this;
        }
        if (other.drawnAt() != null && (drawnAt == null || other.drawnAt().isAfter(drawnAt))) {
            return other;
        }
        return this;
    }
}
