package com.huifang.platform.audit;

import com.huifang.platform.security.Caller;
import com.huifang.platform.security.Role;
import java.util.List;

/**
 * Who an audit entry names. A caller with several roles is recorded under the most powerful one
 * (ADMIN, AUDITOR, SUPERVISOR, LEADERSHIP, HANDLER, AGENT, PARTNER): the one an auditor must look at.
 */
public record AuditActor(String id, String role) {

    private static final List<Role> BY_POWER = List.of(Role.ADMIN, Role.AUDITOR, Role.SUPERVISOR, Role.LEADERSHIP,
            Role.HANDLER, Role.AGENT, Role.PARTNER);

    public static AuditActor of(Caller caller) {
        for (Role r : BY_POWER) {
            if (caller.roles().contains(r)) {
                return new AuditActor(caller.userId(), r.name());
            }
        }
        return new AuditActor(caller.userId(), "NONE");
    }

    /** A partner system acting through its signed API. */
    public static AuditActor partner(String partnerId) {
        return new AuditActor(partnerId, Role.PARTNER.name());
    }

    /** The service itself (scheduled purge, sweeper, rule). */
    public static AuditActor system() {
        return new AuditActor("system", "SYSTEM");
    }
}
