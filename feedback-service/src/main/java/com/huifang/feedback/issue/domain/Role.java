package com.huifang.feedback.issue.domain;

/** The role an actor acted in, kept in the audit trail. */
public enum Role {
    SYSTEM,
    AGENT,
    HANDLER,
    SUPERVISOR,
    DEPARTMENT_HEAD,
    LEADERSHIP,
    /** A tenant administrator: may do what a supervisor does. */
    ADMIN,
    PARTNER;

    /** Supervisors, administrators and above may waive the customer's confirmation. */
    public boolean supervises() {
        return this == SUPERVISOR || this == DEPARTMENT_HEAD || this == LEADERSHIP || this == ADMIN;
    }
}
