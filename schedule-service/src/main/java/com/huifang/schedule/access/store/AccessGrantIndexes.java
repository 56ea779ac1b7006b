package com.huifang.schedule.access.store;

import com.huifang.platform.mongo.IndexDeclaration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A reader's grants are looked up on every read of a colleague's visit: by tenant and grantee. */
@Component
class AccessGrantIndexes implements IndexDeclaration {

    @Override
    public Mono<Void> ensure(ReactiveMongoTemplate mongo) {
        return mongo.indexOps(AccessGrantDocument.class)
                .ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("grantee", Sort.Direction.ASC))
                .then(mongo.indexOps(AccessGrantDocument.class)
                        .ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("grantedAt", Sort.Direction.DESC)))
                .then();
    }
}
