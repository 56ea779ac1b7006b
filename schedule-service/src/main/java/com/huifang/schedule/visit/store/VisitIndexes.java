package com.huifang.schedule.visit.store;

import com.huifang.platform.mongo.IndexDeclaration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
class VisitIndexes implements IndexDeclaration {

    @Override
    public Mono<Void> ensure(ReactiveMongoTemplate mongo) {
        var ops = mongo.indexOps(VisitDocument.class);
        return ops.ensureIndex(new Index().on("state", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC))
                .then(ops.ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("state", Sort.Direction.ASC)
                        .on("priority", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC)))
                .then(ops.ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("customerId", Sort.Direction.ASC)))
                .then(ops.ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("assigneeId", Sort.Direction.ASC)
                        .on("state", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC)))
                .then(ops.ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("planId", Sort.Direction.ASC)
                        .on("caseRef", Sort.Direction.ASC).on("stage", Sort.Direction.ASC)))
                .then(ops.ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("sourceVisitId", Sort.Direction.ASC)))
                .then(mongo.indexOps(com.huifang.schedule.sampling.store.ServedHouseholdDocument.class)
                        .ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("planId", Sort.Direction.ASC)
                                .on("period", Sort.Direction.ASC)))
                .then(mongo.indexOps(com.huifang.schedule.assignment.store.TeamDocument.class)
                        .ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("teamId", Sort.Direction.ASC)))
                .then();
    }
}
