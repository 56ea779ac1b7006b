package com.huifang.customer.pii.domain;

import com.huifang.platform.security.Role;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Who may see a personal field in clear ("staff may not read call-back records without approval").
 * Everyone else sees it masked. A reveal always needs a reason and is audited.
 *
 * <p>{@link #standard()}: supervisors, admins and auditors may reveal phones, ID numbers and
 * e-mails; agents, handlers, partners and leadership may not (agents dial through the telephony
 * integration, which gets the number server-side, never in a response).
 */
public final class RevealPolicy {

    private final Map<Role, Set<PersonalField>> allowed;

    public RevealPolicy(Map<Role, Set<PersonalField>> allowed) {
        EnumMap<Role, Set<PersonalField>> copy = new EnumMap<>(Role.class);
        allowed.forEach((role, fields) -> copy.put(role, Set.copyOf(fields)));
        this.allowed = Map.copyOf(copy);
    }

    public static RevealPolicy standard() {
        Set<PersonalField> all = EnumSet.allOf(PersonalField.class);
        return new RevealPolicy(Map.of(Role.SUPERVISOR, all, Role.ADMIN, all, Role.AUDITOR, all));
    }

    public boolean mayReveal(Role role, PersonalField field) {
        return allowed.getOrDefault(role, Set.of()).contains(field);
    }

    /** Whether any of the caller's roles may reveal {@code field}. */
    public boolean mayReveal(Set<Role> roles, PersonalField field) {
        return roles.stream().anyMatch(r -> mayReveal(r, field));
    }

    /**
     * Decides a reveal request. When allowed, the returned entry is to be stored before the clear
     * value is returned (no entry, no reveal).
     *
     * @throws RevealRefused with {@link RevealRefused.Why#ROLE_NOT_PERMITTED} (403) or
     *                       {@link RevealRefused.Why#REASON_REQUIRED} (400)
     */
    public AuditEntry authorise(String tenantId, String actorId, Set<Role> roles, String customerId,
                                PersonalField field, String reason, Instant now) {
        Role role = roles.stream().filter(r -> mayReveal(r, field)).findFirst()
                .orElseThrow(() -> new RevealRefused(RevealRefused.Why.ROLE_NOT_PERMITTED,
                        "none of " + roles + " may reveal " + field));
        if (!AuditEntry.isSufficientReason(reason)) {
            throw new RevealRefused(RevealRefused.Why.REASON_REQUIRED,
                    "a reason of at least " + AuditEntry.MIN_REASON_LENGTH + " characters is required");
        }
        return new AuditEntry(tenantId, actorId, role, now, field, customerId, reason.strip());
    }

    /** A reveal was refused; nothing is revealed and nothing audited as a reveal. */
    public static class RevealRefused extends RuntimeException {
        public enum Why { ROLE_NOT_PERMITTED, REASON_REQUIRED }

        private final Why why;

        public RevealRefused(Why why, String message) {
            super(message);
            this.why = why;
        }

        public Why why() {
            return why;
        }
    }
}
