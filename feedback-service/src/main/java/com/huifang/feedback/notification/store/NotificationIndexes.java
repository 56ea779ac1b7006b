package com.huifang.feedback.notification.store;

import com.huifang.platform.mongo.IndexDeclaration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
class NotificationIndexes implements IndexDeclaration {

    @Override
    public Mono<Void> ensure(ReactiveMongoTemplate mongo) {
        // a caller's inbox, newest first
        return mongo.indexOps(NotificationDocument.class).ensureIndex(new Index().on("tenantId", Sort.Direction.ASC)
                        .on("recipient", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC))
                // issues with notifications not yet delivered
                .then(mongo.indexOps("issues").ensureIndex(new Index().on("notices.id", Sort.Direction.ASC).sparse()))
                .then();
    }
}
