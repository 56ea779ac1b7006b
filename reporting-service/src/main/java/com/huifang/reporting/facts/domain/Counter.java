package com.huifang.reporting.facts.domain;

/**
 * The additive counters of a daily fact. Visit counters count visits by their due date; issue
 * counters count issues by the date they were raised (a cohort: "resolved" means raised that day and
 * resolved since).
 */
public enum Counter {
    /** Visits due (应访量). */
    DUE,
    /** Visits with at least one attempt. */
    ATTEMPTED,
    /** Visits ended COMPLETED (回访成功). */
    SUCCESSFUL,
    /** Successful before the deadline. */
    SUCCESSFUL_ON_TIME,
    REFUSED,
    /** Ended CANCELLED (e.g. policy withdrawn before the visit). */
    CANCELLED_BEFORE_VISIT,
    FAILED,
    /** Not ended yet. */
    OPEN,
    /** Successful visits done as a home visit or a letter. */
    HOME_VISIT_OR_LETTER,
    /** Visits with a submitted survey. */
    SURVEYS,
    /** Surveys with a 1–5 rating question (CSAT denominator). */
    CSAT_ANSWERS,
    /** Surveys rated 4–5 of 5. */
    SATISFIED,
    /** Sum of mean ratings in thousandths (kept integral so sums are exact). */
    RATING_SUM_MILLI,
    RATING_COUNT,
    PROMOTERS,
    PASSIVES,
    DETRACTORS,
    NPS_ANSWERS,
    /** Successful visits that raised an issue. */
    VISITS_RAISING_ISSUE,
    ISSUES_RAISED,
    ISSUES_MAJOR,
    ISSUES_ESCALATED,
    ISSUES_RESOLVED,
    ISSUES_SLA_MET,
    ISSUES_CLOSED;

    static final Counter[] ALL = values();
}
