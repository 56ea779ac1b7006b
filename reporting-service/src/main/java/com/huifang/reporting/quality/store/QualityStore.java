package com.huifang.reporting.quality.store;

import com.huifang.platform.messaging.OutboxCollections;
import com.huifang.platform.mongo.IndexDeclaration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Quality reviews (insert only) and sampling settings. */
@Repository
public class QualityStore {

    private final ReactiveMongoTemplate mongo;

    public QualityStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Inserts a review; empty when this reviewer already reviewed this visit (nothing is overwritten). */
    public Mono<QualityReviewDocument> insert(QualityReviewDocument review) {
        return mongo.insert(review).onErrorResume(DuplicateKeyException.class, e -> Mono.empty());
    }

    /**
     * Reviews of a tenant, newest first, optionally of one agent, of visits reported between two
     * tenant-local dates (inclusive, ISO text), passed or failed only.
     */
    public Flux<QualityReviewDocument> reviews(String tenantId, String agentId, String fromDate, String toDate,
                                               Boolean passed) {
        Criteria c = Criteria.where("tenantId").is(tenantId);
        if (agentId != null) {
            c = c.and("agentId").is(agentId);
        }
        if (fromDate != null) {
            c = c.and("visitDate").gte(fromDate).lte(toDate);
        }
        if (passed != null) {
            c = c.and("passed").is(passed);
        }
        return mongo.find(Query.query(c).with(Sort.by(Direction.DESC, "reviewedAt")), QualityReviewDocument.class);
    }

    public Flux<QualityReviewDocument> reviewsOfVisits(String tenantId, List<String> visitIds) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId).and("visitId").in(visitIds)),
                QualityReviewDocument.class);
    }

    /**
     * Removes the reviewers' comments from the reviews of an erased customer's visits (found by the
     * customer id they carry, or, for reviews stored before they carried it, by the visit ids); marks
     * them {@code customerErased}. Scores stay. Returns how many changed now (0 on a repeat).
     */
    public Mono<Long> anonymiseCustomer(String tenantId, String customerId, List<String> visitIds) {
        Query q = Query.query(new Criteria().andOperator(ofCustomer(tenantId, customerId, visitIds),
                Criteria.where("customerErased").ne(true)));
        return mongo.updateMulti(q, new Update().unset("comments").set("customerErased", true),
                QualityReviewDocument.class).map(r -> r.getModifiedCount());
    }

    /** How many reviews of the customer's visits are anonymised for their erasure. */
    public Mono<Long> countErased(String tenantId, String customerId, List<String> visitIds) {
        return mongo.count(Query.query(new Criteria().andOperator(ofCustomer(tenantId, customerId, visitIds),
                Criteria.where("customerErased").is(true))), QualityReviewDocument.class);
    }

    private static Criteria ofCustomer(String tenantId, String customerId, List<String> visitIds) {
        Criteria customer = visitIds.isEmpty() ? Criteria.where("customerId").is(customerId)
                : new Criteria().orOperator(Criteria.where("customerId").is(customerId),
                        Criteria.where("visitId").in(visitIds));
        return new Criteria().andOperator(Criteria.where("tenantId").is(tenantId), customer);
    }

    public Mono<QualitySettingsDocument> settings(String tenantId) {
        return mongo.findById(tenantId, QualitySettingsDocument.class);
    }

    public Mono<QualitySettingsDocument> save(QualitySettingsDocument settings) {
        return mongo.save(settings);
    }

    @Configuration(proxyBeanMethods = false)
    static class Setup {

        /**
         * The outbox collections of reporting-service: its quality reviews and settings carry their
         * audit entries (the relay adds the stand-alone audit_log itself).
         */
        @Bean
        OutboxCollections reportingOutboxCollections() {
            return OutboxCollections.of(QualityReviewDocument.COLLECTION, QualitySettingsDocument.COLLECTION);
        }

        @Bean
        IndexDeclaration qualityReviewIndexes() {
            return mongo -> Mono.when(
                    mongo.indexOps(QualityReviewDocument.COLLECTION).ensureIndex(new Index()
                            .on("tenantId", Direction.ASC).on("visitDate", Direction.ASC).named("tenant_visitDate")),
                    mongo.indexOps(QualityReviewDocument.COLLECTION).ensureIndex(new Index()
                            .on("tenantId", Direction.ASC).on("agentId", Direction.ASC).on("visitDate", Direction.ASC)
                            .named("tenant_agent_visitDate")),
                    mongo.indexOps(QualityReviewDocument.COLLECTION).ensureIndex(new Index()
                            .on("tenantId", Direction.ASC).on("visitId", Direction.ASC).named("tenant_visit")),
                    // erasure: the reviews of a customer's visits; retention: reviews by age
                    mongo.indexOps(QualityReviewDocument.COLLECTION).ensureIndex(new Index()
                            .on("tenantId", Direction.ASC).on("customerId", Direction.ASC).sparse()
                            .named("tenant_customer")),
                    mongo.indexOps(QualityReviewDocument.COLLECTION).ensureIndex(new Index()
                            .on("tenantId", Direction.ASC).on("reviewedAt", Direction.ASC).named("tenant_reviewedAt")));
        }
    }
}
