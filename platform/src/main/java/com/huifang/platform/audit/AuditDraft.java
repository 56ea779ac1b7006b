package com.huifang.platform.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a service says about one audited action, before the trail adds the service, time and
 * correlation id. {@code before} and {@code after} are short summaries (field → value) of what
 * changed; personal data never goes in them in clear (the trail masks phone and ID numbers that
 * slip in anyway).
 *
 * @param tenantId   the tenant the action belongs to
 * @param actor      who did it (user id, partner id or "system")
 * @param actorRole  the role used (see {@link AuditActor})
 * @param action     dotted verb: "plan.published", "customer.phone.revealed", "report.exported"
 * @param targetType "plan", "customer", "issue", "team", "template", "calendar", "partner", "report"…
 * @param targetId   the target's id
 */
public record AuditDraft(String tenantId, String actor, String actorRole, String action, String targetType,
                         String targetId, Map<String, String> before, Map<String, String> after, String reason) {

    public AuditDraft {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(actorRole, "actorRole");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(targetType, "targetType");
        Objects.requireNonNull(targetId, "targetId");
        before = before == null ? Map.of() : new LinkedHashMap<>(before);
        after = after == null ? Map.of() : new LinkedHashMap<>(after);
    }

    /** Starts a draft for an action of {@code actor} in {@code tenantId}. */
    public static Builder by(AuditActor actor, String tenantId) {
        return new Builder(actor, tenantId);
    }

    public static final class Builder {
        private final AuditActor actor;
        private final String tenantId;
        private String action;
        private String targetType;
        private String targetId;
        private Map<String, String> before = Map.of();
        private Map<String, String> after = Map.of();
        private String reason;

        private Builder(AuditActor actor, String tenantId) {
            this.actor = actor;
            this.tenantId = tenantId;
        }

        public Builder action(String action) {
            this.action = action;
            return this;
        }

        public Builder target(String type, String id) {
            this.targetType = type;
            this.targetId = id;
            return this;
        }

        public Builder before(Map<String, String> before) {
            this.before = before;
            return this;
        }

        public Builder after(Map<String, String> after) {
            this.after = after;
            return this;
        }

        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        public AuditDraft build() {
            return new AuditDraft(tenantId, actor.id(), actor.role(), action, targetType, targetId, before, after,
                    reason);
        }
    }
}
