package com.huifang.schedule.access.store;

import com.huifang.platform.messaging.OutboxEntry;
import com.huifang.schedule.access.domain.AccessGrant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An access grant of one tenant; its audit entries leave through {@code outbox}, written with it. */
@Document(AccessGrantDocument.COLLECTION)
public class AccessGrantDocument {

    public static final String COLLECTION = "access_grants";

    @Id
    public String id;
    public String tenantId;
    public String grantee;
    public String scope;
    public String reason;
    public Instant until;
    public String grantedBy;
    public Instant grantedAt;
    public Instant revokedAt;
    public String revokedBy;
    public String revokeReason;
    public List<OutboxEntry> outbox = new ArrayList<>();

    public static AccessGrantDocument of(String tenantId, AccessGrant g) {
        AccessGrantDocument d = new AccessGrantDocument();
        d.id = g.id();
        d.tenantId = tenantId;
        d.grantee = g.grantee();
        d.scope = g.scope();
        d.reason = g.reason();
        d.until = g.until();
        d.grantedBy = g.grantedBy();
        d.grantedAt = g.grantedAt();
        d.revokedAt = g.revokedAt();
        d.revokedBy = g.revokedBy();
        d.revokeReason = g.revokeReason();
        return d;
    }

    public AccessGrant toGrant() {
        return new AccessGrant(id, grantee, scope, reason, until, grantedBy, grantedAt, revokedAt, revokedBy, revokeReason);
    }
}
