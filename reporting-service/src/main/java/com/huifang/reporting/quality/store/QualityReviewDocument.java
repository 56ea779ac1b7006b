package com.huifang.reporting.quality.store;

import com.huifang.platform.messaging.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One quality review, inserted once and never changed (the relay only drains {@link #outbox}, which
 * carries the review's audit entry written in the same insert). {@link #id} is tenant/visit/reviewer:
 * a reviewer reviews a visit once; another reviewer may review it again.
 */
@Document(QualityReviewDocument.COLLECTION)
public class QualityReviewDocument {

    public static final String COLLECTION = "quality_reviews";

    @Id
    public String id;
    public String reviewId;
    public String tenantId;
    public String visitId;
    /** The agent whose visit it is (the one who ended it). */
    public String agentId;
    public String reviewerId;
    public String reviewerRole;
    /** Tenant-local due date of the visit (yyyy-MM-dd): the day its figures are reported under. */
    public String visitDate;
    /** yyyy-MM of {@link #visitDate}: the sample month. */
    public String month;
    public List<ItemScore> scores = new ArrayList<>();
    public int total;
    public int max;
    public boolean passed;
    /** A failed review stays flagged for the agent's supervisor (the items that failed it). */
    public List<String> failedItems = new ArrayList<>();
    public String comments;
    public Instant reviewedAt;
    public List<OutboxEntry> outbox = new ArrayList<>();

    public static String idOf(String tenantId, String visitId, String reviewerId) {
        return tenantId + "/" + visitId + "/" + reviewerId;
    }

    /** Points given for one checklist item. */
    public static class ItemScore {
        public String item;
        public int points;
        public int max;

        public ItemScore() {
        }

        public ItemScore(String item, int points, int max) {
            this.item = item;
            this.points = points;
            this.max = max;
        }
    }
}
