package com.huifang.customer.pii.domain;

import com.huifang.platform.security.Role;
import java.time.Instant;
import java.util.Objects;

/**
 * The record of one reveal of a personal field: who (and in which role), when, which field of
 * which customer, and why. Kept as long as visit records; listed to supervisors and auditors.
 * Never contains the revealed value.
 */
public record AuditEntry(String tenantId, String actorId, Role role, Instant at, PersonalField field,
                         String customerId, String reason) {

    /** A reason shorter than this ("看看", "test") is not a reason. Counted in characters (code points). */
    public static final int MIN_REASON_LENGTH = 5;
    public static final int MAX_REASON_LENGTH = 500;

    public AuditEntry {
        requireText(tenantId, "tenantId");
        requireText(actorId, "actorId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(field, "field");
        requireText(customerId, "customerId");
        if (!isSufficientReason(reason)) {
            throw new IllegalArgumentException("a reason of " + MIN_REASON_LENGTH + "–" + MAX_REASON_LENGTH
                    + " characters is required");
        }
    }

    public static boolean isSufficientReason(String reason) {
        if (reason == null) {
            return false;
        }
        String r = reason.strip();
        int length = r.codePointCount(0, r.length());
        return length >= MIN_REASON_LENGTH && length <= MAX_REASON_LENGTH;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
