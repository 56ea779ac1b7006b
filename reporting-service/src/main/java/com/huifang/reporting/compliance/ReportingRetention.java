package com.huifang.reporting.compliance;

import com.huifang.platform.retention.RetentionTarget;
import com.huifang.reporting.facts.store.VisitFactDocument;
import com.huifang.reporting.quality.store.QualityReviewDocument;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * What reporting keeps of a visit after the tenant's retention (default 3 years after the last contact,
 * issue 10 §2; seed 004 keeps records and recordings at least 3 years), purged daily by the platform's
 * {@code RetentionPurge}.
 *
 * <p>Reporting's per-visit documents are anonymised, never deleted: the visit facts ARE the aggregate
 * facts — every KPI (due, attempted, success, on time, CSAT, NPS, issue rate, agent performance) is
 * computed from them — and PRODUCT.md keeps the figures of past months right. What ties personal or
 * free text to a customer is stored beside the fact ({@code VisitFact.PersonalDetails}) and is what the
 * purge removes:
 * <ul>
 *   <li>visit facts, counted from the customer's last contact ({@code lastContactAt}: latest attempt, end
 *       or survey) of an ended visit: the survey's comments (the opinions list), the flag note, the call
 *       recording references, and the opinion date (the visit leaves the opinions list). Ratings, NPS,
 *       results, times, plan and agent stay — the figures do not move;</li>
 *   <li>quality reviews, counted from the review: the reviewer's comments (they may quote the call). The
 *       scores, pass/fail and failed items stay, so the agent's performance of that month stays right.</li>
 * </ul>
 * The customer id stays on both: it is a pseudonymous key (customer-service holds and erases the person
 * behind it) that later erasure requests and the households-served count need. The audit trail is not
 * a target: it is append-only and holds no plaintext personal data.
 */
@Configuration(proxyBeanMethods = false)
class ReportingRetention {

    @Bean
    RetentionTarget visitFactRetention() {
        return RetentionTarget.anonymise(VisitFactDocument.COLLECTION, "lastContactAt",
                Criteria.where("result").ne(null), "comments", "flagNote", "recordings", "opinionDate");
    }

    @Bean
    RetentionTarget qualityReviewRetention() {
        return RetentionTarget.anonymise(QualityReviewDocument.COLLECTION, "reviewedAt", null, "comments");
    }
}
