package com.huifang.feedback.issue;

import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.events.QualityReviewFailed;
import com.huifang.feedback.issue.domain.QualityReviewFailure;
import com.huifang.feedback.issue.domain.RaiseIssue;
import com.huifang.feedback.rules.TenantRules;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Raises one issue per failed quality review (质检抽查, issue 10 §3; {@code QualityReviewFailed} from
 * reporting-service): against the agent (the staff concerned), in category {@link TenantRules#QUALITY_REVIEW}
 * routed by the tenant's rules, with no owner — and the agent can never become its owner. Its id derives from
 * the review id, so a redelivered event raises nothing new; {@code IssueRaised} goes out like for any issue.
 */
@Service
public class QualityReviewIntake {

    private final IssueWorkflow workflow;

    public QualityReviewIntake(IssueWorkflow workflow) {
        this.workflow = workflow;
    }

    public static String issueIdOf(String reviewId) {
        return UUID.nameUUIDFromBytes(("issue:quality-review:" + reviewId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    public Mono<Void> fromReview(EventEnvelope envelope, QualityReviewFailed review) {
        var failure = new QualityReviewFailure(review.reviewId(), review.visitId(), review.customerId(),
                review.agentId(), review.reviewerId(), review.score(), review.failedItems(), review.comment(),
                review.period());
        var cmd = RaiseIssue.fromQualityReview(issueIdOf(review.reviewId()), envelope.tenantId(),
                TenantRules.QUALITY_REVIEW, failure);
        return workflow.raise(cmd, null).then();
    }
}
