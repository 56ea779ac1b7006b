package com.huifang.feedback.issue.store;

import com.huifang.platform.mongo.IndexDeclaration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
class IssueIndexes implements IndexDeclaration {

    @Override
    public Mono<Void> ensure(ReactiveMongoTemplate mongo) {
        var ops = mongo.indexOps(IssueDocument.class);
        return ops.ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("state", Sort.Direction.ASC)
                        .on("raisedAt", Sort.Direction.DESC))
                .then(ops.ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("department", Sort.Direction.ASC)))
                // my queue; a customer's resolved issue (closed loop); the SLA sweeper; complaints per staff member
                .then(ops.ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("ownerId", Sort.Direction.ASC)
                        .on("state", Sort.Direction.ASC)))
                .then(ops.ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("customerId", Sort.Direction.ASC)
                        .on("state", Sort.Direction.ASC).on("resolvedAt", Sort.Direction.DESC)))
                .then(ops.ensureIndex(new Index().on("state", Sort.Direction.ASC).on("nextAlertAt", Sort.Direction.ASC)))
                .then(ops.ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("staffIds", Sort.Direction.ASC)))
                // a queue's issues (unassigned work of a team)
                .then(ops.ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("ownerQueue", Sort.Direction.ASC)
                        .on("state", Sort.Direction.ASC)))
                .then(mongo.indexOps("recontact_visits").ensureIndex(new Index().on("tenantId", Sort.Direction.ASC)
                        .on("customerId", Sort.Direction.ASC)))
                .then();
    }
}
