package com.huifang.feedback.issue.domain;

/** The role an actor acted in, kept in the audit trail. */
public enum Role {
    SYSTEM,
    AGENT,
    HANDLER,
    SUPERVISOR,
    DEPARTMENT_HEAD,
    LEADERSHIP,
    PARTNER;

    /** Supervisors and above may waive the customer's confirmation. */
    public boolean supervises() {
        return this == SUPERVISOR || this == DEPARTMENT_HEAD || this == LEADERSHIP;
    }
}
