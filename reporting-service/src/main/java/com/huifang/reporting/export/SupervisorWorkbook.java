package com.huifang.reporting.export;

import com.huifang.reporting.kpi.domain.ReportRange;
import com.huifang.reporting.kpi.domain.SupervisorReport;
import java.io.OutputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The supervisor's monthly or quarterly workbook (seed 000: "每月、每季度形成总结报告"): Summary,
 * Agents (with tiers below target), Plan targets (when the tenant's plans set any) and Sampling (per
 * sampling plan, when one drew or should have drawn in the period), Issues,
 * Opinions, and Complaints per staff when there are any.
 */
public final class SupervisorWorkbook {

    private SupervisorWorkbook() {
    }

    public static List<ReportTable> sheets(SupervisorReport report, Language language) {
        List<ReportTable> sheets = new ArrayList<>();
        sheets.add(ReportTables.summary(report, language));
        sheets.add(ReportTables.agents(report.performance()));
        if (report.planTargets().stream().anyMatch(t -> t.target() != null)) {
            sheets.add(ReportTables.planTargets(report.planTargets()));
        }
        if (!report.sampling().isEmpty()) {
            sheets.add(ReportTables.sampling(report.sampling()));
        }
        sheets.add(ReportTables.issues(report.issues()));
        sheets.add(ReportTables.opinions(report.opinions()));
        if (report.complaintRates() != null && !report.complaintRates().isEmpty()) {
            sheets.add(ReportTables.complaintRates(report.complaintRates()));
        }
        return sheets;
    }

    /** Writes the workbook (.xlsx) to the stream, which is left open. */
    public static void write(SupervisorReport report, Language language, OutputStream out) {
        XlsxExport.write(sheets(report, language), language, out);
    }

    /** A download name: "回访月报-2026-11.xlsx", "quarterly-report-2026-Q4.xlsx"… */
    public static String fileName(ReportRange range, Language language) {
        boolean month = range.start().getDayOfMonth() == 1
                && range.end().equals(YearMonth.from(range.start()).atEndOfMonth());
        boolean quarter = range.start().getDayOfMonth() == 1 && (range.start().getMonthValue() - 1) % 3 == 0
                && range.end().equals(YearMonth.from(range.start()).plusMonths(2).atEndOfMonth());
        String kind = month ? language.pick("回访月报", "monthly-report")
                : quarter ? language.pick("回访季报", "quarterly-report") : language.pick("回访报表", "report");
        return kind + "-" + range.label().replace("..", "_") + ".xlsx";
    }
}
