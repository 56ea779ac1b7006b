package com.huifang.schedule.plan.store;

import com.huifang.platform.mongo.IndexDeclaration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
class PlanIndexes implements IndexDeclaration {

    @Override
    public Mono<Void> ensure(ReactiveMongoTemplate mongo) {
        return mongo.indexOps(PlanDocument.class)
                .ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("planId", Sort.Direction.ASC)
                        .on("version", Sort.Direction.DESC))
                .then();
    }
}
