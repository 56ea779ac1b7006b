package com.huifang.customer.pii.store;

import com.huifang.platform.mongo.IndexDeclaration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
class AuditIndexes implements IndexDeclaration {

    @Override
    public Mono<Void> ensure(ReactiveMongoTemplate mongo) {
        var ops = mongo.indexOps(AuditEntryDocument.class);
        return ops.ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("at", Sort.Direction.DESC))
                .then(ops.ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("customerId", Sort.Direction.ASC)
                        .on("at", Sort.Direction.DESC)))
                .then();
    }
}
