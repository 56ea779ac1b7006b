package com.huifang.feedback.rules.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import com.huifang.platform.messaging.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** One tenant's issue rules as stored; {@code _id} is the tenant id. */
@Document("issue_rules")
public class TenantRulesDocument {

    @Id
    public String tenantId;
    public String businessHours;
    public String leadershipQueue;
    public List<Category> categories = new ArrayList<>();
    public List<Route> routes = new ArrayList<>();
    /** Department → user ids of its heads (told when an issue of the department reaches DEPARTMENT_HEAD). */
    public Map<String, List<String>> departmentHeads = new HashMap<>();
    public String updatedBy;
    public Instant updatedAt;
    @Version
    public Long version;
    /** Audit entries of rule changes, relayed like any outbox. */
    public List<OutboxEntry> outbox = new ArrayList<>();

    /** A category and its SLA targets: each span in business hours or in working days, exactly one of the two. */
    public static class Category {
        public String code;
        public String name;
        public Integer firstResponseHours;
        public Integer firstResponseWorkingDays;
        public Integer resolutionHours;
        public Integer resolutionWorkingDays;
        public boolean fixDateRequired;
    }

    /** Category (and, when given, severity) → department and owner queue. */
    public static class Route {
        public String category;
        public String severity;
        public String department;
        public String ownerQueue;
    }
}
