package com.huifang.customer.customer.store;

import com.huifang.platform.mongo.IndexDeclaration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
class CustomerIndexes implements IndexDeclaration {

    @Override
    public Mono<Void> ensure(ReactiveMongoTemplate mongo) {
        var ops = mongo.indexOps(CustomerDocument.class);
        return ops.ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("_id", Sort.Direction.ASC))
                .then(ops.ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("partnerRefs", Sort.Direction.ASC)))
                .then(ops.ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("category", Sort.Direction.ASC)))
                .then();
    }
}
