package com.huifang.reporting.kpi.domain;

/** How a KPI value reads. */
public enum KpiUnit {
    /** A whole number of visits or issues. */
    COUNT,
    /** A fraction 0–1, shown as a percentage. */
    PERCENT,
    /** A mean score (the 1–5 rating). */
    SCORE,
    /** Points from −100 to 100 (NPS). */
    POINTS
}
