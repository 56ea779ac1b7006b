package com.huifang.feedback.issue.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to raise an issue. {@link #fromSurvey} builds one from a submitted survey that asked for it.
 *
 * @param staffIds the staff the issue concerns (complaint rates per staff member)
 */
public record RaiseIssue(
        String issueId,
        String tenantId,
        String categoryCode,
        Severity severity,
        IssueSource source,
        String description,
        String customerId,
        Optional<String> visitId,
        List<String> staffIds,
        List<Attachment> attachments,
        Actor raisedBy) {

    public RaiseIssue {
        Objects.requireNonNull(issueId, "issueId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(categoryCode, "categoryCode");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(raisedBy, "raisedBy");
        description = description == null ? "" : description.strip();
        staffIds = List.copyOf(staffIds);
        attachments = List.copyOf(attachments);
    }

    /**
     * An issue raised by a {@code SurveySubmitted} with {@code raisesIssue}: the tenant's survey category,
     * the staff who served the customer, severity from the rating ({@link Severity#forSurveyRating}). The
     * issue id should derive from the survey response id so a redelivered event raises nothing new.
     */
    public static RaiseIssue fromSurvey(String issueId, String tenantId, String surveyCategoryCode, String customerId,
                                        String visitId, Double meanRating, String description, List<String> staffIds) {
        return new RaiseIssue(issueId, tenantId, surveyCategoryCode, Severity.forSurveyRating(meanRating),
                IssueSource.SURVEY, description, customerId, Optional.ofNullable(visitId), staffIds, List.of(),
                Actor.system());
    }

    /**
     * An issue raised by a failed quality review (质检抽查) of an agent's visit: against the agent (the staff
     * concerned), in the tenant's quality-review category, described by the failed checklist items and the
     * reviewer's comment. The issue id should derive from the review id so a redelivered event raises nothing new.
     */
    public static RaiseIssue fromQualityReview(String issueId, String tenantId, String qualityCategoryCode,
                                               QualityReviewFailure review) {
        return new RaiseIssue(issueId, tenantId, qualityCategoryCode, Severity.NORMAL, IssueSource.QUALITY_REVIEW,
                review.description(), review.customerId(), Optional.ofNullable(review.visitId()),
                List.of(review.agentId()), List.of(), Actor.system());
    }
}
