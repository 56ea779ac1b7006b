package com.huifang.customer.pii.store;

import com.huifang.customer.pii.domain.AuditEntry;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One reveal of a personal field. Append-only: inserted, never updated or deleted by the service. */
@Document("audit_entries")
public class AuditEntryDocument {

    @Id
    public String id;
    public String tenantId;
    public String actorId;
    public String role;
    public Instant at;
    public String field;
    public String customerId;
    public String reason;

    public static AuditEntryDocument of(String id, AuditEntry e) {
        AuditEntryDocument d = new AuditEntryDocument();
        d.id = id;
        d.tenantId = e.tenantId();
        d.actorId = e.actorId();
        d.role = e.role().name();
        d.at = e.at();
        d.field = e.field().name();
        d.customerId = e.customerId();
        d.reason = e.reason();
        return d;
    }
}
