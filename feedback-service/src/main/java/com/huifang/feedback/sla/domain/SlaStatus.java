package com.huifang.feedback.sla.domain;

/** Where a clock stands: running (on track, at risk, breached) or stopped (met, missed). */
public enum SlaStatus {
    ON_TRACK,
    AT_RISK,
    BREACHED,
    MET,
    MISSED
}
