package com.huifang.feedback.notification.domain;

/** Why a user is told about an issue. */
public enum NoticeKind {
    /** An SLA clock of an issue they own or supervise is close to breach. */
    SLA_WARNING,
    /** An issue missed its SLA (or is major) and came up to their level. */
    ESCALATION,
    /** An issue was given to them. */
    ASSIGNMENT
}
