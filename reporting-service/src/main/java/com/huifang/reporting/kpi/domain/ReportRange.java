package com.huifang.reporting.kpi.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * An inclusive range of tenant-local dates.
 *
 * @param label a name for titles: "2026-11", "2026-Q4", or "2026-11-01..2026-11-15"
 */
public record ReportRange(LocalDate start, LocalDate end, String label) {

    /** The longest range a report may span, in days (a leap year). */
    public static final int DEFAULT_MAX_DAYS = 366;

    public ReportRange {
        if (start == null) {
            throw new ReportRequestException("start", "is required");
        }
        if (end == null) {
            throw new ReportRequestException("end", "is required");
        }
        if (end.isBefore(start)) {
            throw new ReportRequestException("end", "must not be before start (" + start + ")");
        }
    }

    public static ReportRange of(LocalDate start, LocalDate end) {
        return of(start, end, DEFAULT_MAX_DAYS);
    }

    /**
     * @throws ReportRequestException naming "start" or "end" when a bound is missing, the end is
     *                                before the start, or the range spans more than {@code maxDays}
     */
    public static ReportRange of(LocalDate start, LocalDate end, int maxDays) {
        ReportRange r = new ReportRange(start, end, start + ".." + end);
        if (r.days() > maxDays) {
            throw new ReportRequestException("end", "the range spans " + r.days() + " days, more than " + maxDays);
        }
        return r;
    }

    public static ReportRange month(YearMonth month) {
        if (month == null) {
            throw new ReportRequestException("month", "is required");
        }
        return new ReportRange(month.atDay(1), month.atEndOfMonth(), month.toString());
    }

    /** @throws ReportRequestException naming "quarter" unless it is 1–4 */
    public static ReportRange quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new ReportRequestException("quarter", "must be 1 to 4, was " + quarter);
        }
        YearMonth first = YearMonth.of(year, (quarter - 1) * 3 + 1);
        return new ReportRange(first.atDay(1), first.plusMonths(2).atEndOfMonth(), year + "-Q" + quarter);
    }

    public long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }
}
