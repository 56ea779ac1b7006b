package com.huifang.reporting.audit.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One stored entry of the audit trail, as its producer published it (AuditRecorded), under the
 * tenant of the event's envelope. Never changed once stored.
 */
public record AuditEntry(String tenantId, String auditId, String service, String actor, String actorRole,
                         String action, String targetType, String targetId, Map<String, String> before,
                         Map<String, String> after, String reason, String correlationId, Instant at) {

    public AuditEntry {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(auditId, "auditId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(at, "at");
        before = before == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(before));
        after = after == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(after));
    }

    public AuditCursor cursor() {
        return new AuditCursor(at, auditId);
    }
}
