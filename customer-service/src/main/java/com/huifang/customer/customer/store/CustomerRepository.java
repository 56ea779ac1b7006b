package com.huifang.customer.customer.store;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Mono;

public interface CustomerRepository extends ReactiveCrudRepository<CustomerDocument, String> {

    Mono<CustomerDocument> findByIdAndTenantId(String id, String tenantId);

    Mono<Long> countByTenantId(String tenantId);
}
