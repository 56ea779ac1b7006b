package com.huifang.customer.imports.store;

import com.huifang.platform.mongo.IndexDeclaration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
class ImportIndexes implements IndexDeclaration {

    @Override
    public Mono<Void> ensure(ReactiveMongoTemplate mongo) {
        return mongo.indexOps(ImportRowErrorDocument.class)
                .ensureIndex(new Index().on("jobId", Sort.Direction.ASC).on("rowNumber", Sort.Direction.ASC))
                .then(mongo.indexOps(ImportJobDocument.class)
                        .ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)))
                .then();
    }
}
