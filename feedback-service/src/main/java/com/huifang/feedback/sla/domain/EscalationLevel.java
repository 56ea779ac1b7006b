package com.huifang.feedback.sla.domain;

/** Who an overdue issue has been brought to, in order. NONE until the first escalation. */
public enum EscalationLevel {
    NONE,
    SUPERVISOR,
    DEPARTMENT_HEAD,
    LEADERSHIP;

    public boolean isAbove(EscalationLevel other) {
        return compareTo(other) > 0;
    }
}
