package com.huifang.reporting.kpi.store;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** The latest targets of one plan of a tenant (domain: {@code PlanTarget}); the highest plan version wins. */
@Document(PlanTargetDocument.COLLECTION)
public class PlanTargetDocument {

    public static final String COLLECTION = "plan_targets";

    /** tenant id + "/" + plan id. */
    @Id
    public String id;
    @Version
    public Long version;
    public String tenantId;
    public String planId;
    public int planVersion;
    public String name;
    /** Fractions 0–1, null when the plan sets none. */
    public Double coverage;
    public Double successRate;
    public boolean retired;
    public Instant changedAt;

    public static String idOf(String tenantId, String planId) {
        return tenantId + "/" + planId;
    }
}
