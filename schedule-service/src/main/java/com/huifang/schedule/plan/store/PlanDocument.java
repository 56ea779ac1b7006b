package com.huifang.schedule.plan.store;

import com.huifang.platform.messaging.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One version of one tenant's plan. Id = {@code tenant:plan:version}: an update inserts version n+1,
 * and two concurrent updates of version n collide on the id (one wins, the other gets 409) — no
 * transaction needed. The plan itself is kept as its validated JSON document.
 */
@Document("plans")
public class PlanDocument {

    @Id
    public String id;
    public String tenantId;
    public String planId;
    public int version;
    public String name;
    public String json;
    public boolean retired;
    public String createdBy;
    public Instant createdAt;
    public Instant retiredAt;
    /** audit entries of the version's creation and retirement, written with them */
    public List<OutboxEntry> outbox = new ArrayList<>();

    public static String idOf(String tenantId, String planId, int version) {
        return tenantId + ":" + planId + ":" + version;
    }
}
