package com.huifang.customer.customer.store;

import com.huifang.customer.serviceevent.store.ServiceEventDocument;
import com.huifang.platform.mongo.IndexDeclaration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Indexes of the list filters, the key owners, and the service events by customer. */
@Component
class CustomerIndexes implements IndexDeclaration {

    @Override
    public Mono<Void> ensure(ReactiveMongoTemplate mongo) {
        var customers = mongo.indexOps(CustomerDocument.class);
        var keys = mongo.indexOps(CustomerKeys.COLLECTION);
        var events = mongo.indexOps(ServiceEventDocument.class);
        return customers.ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("createdAt", Sort.Direction.ASC)
                        .on("_id", Sort.Direction.ASC))
                .then(customers.ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("category", Sort.Direction.ASC)))
                .then(customers.ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("tags", Sort.Direction.ASC)))
                .then(customers.ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("staffIds", Sort.Direction.ASC)))
                .then(customers.ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("name", Sort.Direction.ASC)))
                // erasure requests (few among many customers): the progress sweep and the pending/complete gauges
                .then(customers.ensureIndex(new Index().on("erasure.requestId", Sort.Direction.ASC)
                        .on("erasure.completedAt", Sort.Direction.ASC).sparse().named("erasure_progress")))
                .then(keys.ensureIndex(new Index().on("customerId", Sort.Direction.ASC)))
                .then(events.ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("customerId", Sort.Direction.ASC)))
                .then();
    }
}
