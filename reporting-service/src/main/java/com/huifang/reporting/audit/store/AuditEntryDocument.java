package com.huifang.reporting.audit.store;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One audit entry, inserted once and never updated: {@link #id} is tenant + "/" + audit id, so a
 * redelivery (or a replay under a new event id) collides on the primary key and stores nothing.
 * The before/after summaries are kept as name/value pairs: their names may contain dots, which
 * MongoDB does not take as field names.
 */
@Document(AuditEntryDocument.COLLECTION)
public class AuditEntryDocument {

    public static final String COLLECTION = "audit_entries";

    @Id
    public String id;
    public String tenantId;
    public String auditId;
    public String service;
    public String actor;
    public String actorRole;
    public String action;
    public String targetType;
    public String targetId;
    public List<Field> before;
    public List<Field> after;
    public String reason;
    public String correlationId;
    public Instant at;
    /** When this service stored it (producers' clocks may differ). */
    public Instant receivedAt;

    public static String idOf(String tenantId, String auditId) {
        return tenantId + "/" + auditId;
    }

    /** One summarised field of the target. */
    public static class Field {
        public String name;
        public String value;

        public Field() {
        }

        public Field(String name, String value) {
            this.name = name;
            this.value = value;
        }
    }
}
