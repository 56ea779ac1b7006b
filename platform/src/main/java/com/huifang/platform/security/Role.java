package com.huifang.platform.security;

/** What a caller may do. Carried in the token's {@code roles} claim. */
public enum Role {
    /** Tenant administrator: users, partners, calendars, retention. */
    ADMIN,
    /** 客服经理/主管: rules, audits, reports, reveals with a reason. */
    SUPERVISOR,
    /** 回访员: works a queue of visits. */
    AGENT,
    /** Department handler: fixes raised issues. */
    HANDLER,
    /** 质检/合规: reads audit trails and quality reviews. */
    AUDITOR,
    /** A partner system integration. */
    PARTNER,
    /** Read-only leadership: reports. */
    LEADERSHIP
}
