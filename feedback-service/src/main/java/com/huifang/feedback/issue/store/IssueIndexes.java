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
                .then();
    }
}
