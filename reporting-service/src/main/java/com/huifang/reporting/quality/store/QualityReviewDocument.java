package com.huifang.reporting.quality.store;

import com.huifang.platform.messaging.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One quality review, inserted once and never changed (the relay only drains {@link #outbox}, which
 * carries the review's audit entry and, for a review that raises an issue, its QualityReviewFailed —
 * both written in the same insert) — except that its free-text comments are removed when the
 * customer is erased or when the review outlived the tenant's retention; scores stay. {@link #id} is tenant/visit/reviewer:
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
    /** The visit's customer (erasure finds the reviews of a customer's visits by it); null on older reviews. */
    public String customerId;
    public String planId;
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
    /** The reviewer's comments; removed when the customer is erased or the review outlived retention. */
    public String comments;
    public Instant reviewedAt;
    /** A failed review that raised an issue against the agent (QualityReviewFailed in {@link #outbox}). */
    public boolean raisesIssue;
    /** The visit's customer was erased: the comments were removed (the scores stay for the agent's figures). */
    public boolean customerErased;
    /** Set by the retention purge when it removed the comments. */
    public Instant anonymisedAt;
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
