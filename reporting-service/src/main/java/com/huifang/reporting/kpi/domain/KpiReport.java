package com.huifang.reporting.kpi.domain;

import java.util.List;

/** A report: its query, one row per group (sorted by group values) and the total over all groups. */
public record KpiReport(ReportQuery query, List<KpiRow> rows, KpiRow total) {
}
