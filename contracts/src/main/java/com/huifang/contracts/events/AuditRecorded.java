package com.huifang.contracts.events;

import com.huifang.contracts.HuifangEvent;
import java.time.Instant;
import java.util.Map;

/**
 * One entry of the audit trail, the same shape from every service: who did what to which target,
 * why, and a summary of before/after WITHOUT plaintext personal data. Published through the
 * producing service's outbox in the same write as the change; stored append-only by its owner
 * (reporting-service), where supervisors and auditors search it.
 *
 * @param auditId       deterministic id of the entry (the event id of the change it records)
 * @param service       the service that made the change ("schedule-service")
 * @param actor         user id (or partner id, or "system")
 * @param actorRole     the role the actor used (AGENT, SUPERVISOR, ADMIN, AUDITOR, PARTNER, SYSTEM)
 * @param action        dotted verb, e.g. "plan.published", "customer.phone.revealed", "report.exported"
 * @param targetType    e.g. "plan", "customer", "issue", "team", "template", "report"
 * @param targetId      the target's id
 * @param before        summary of the state before (field → value, masked), may be empty
 * @param after         summary of the state after (field → value, masked), may be empty
 * @param reason        the reason given, or null
 * @param correlationId the request's correlation id
 */
public record AuditRecorded(
        String auditId,
        String service,
        String actor,
        String actorRole,
        String action,
        String targetType,
        String targetId,
        Map<String, String> before,
        Map<String, String> after,
        String reason,
        String correlationId,
        Instant at) implements HuifangEvent {

    @Override
    public String key() {
        return targetType + "/" + targetId;
    }
}
