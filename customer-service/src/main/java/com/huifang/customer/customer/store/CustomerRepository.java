package com.huifang.customer.customer.store;

import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface CustomerRepository extends ReactiveCrudRepository<CustomerDocument, String> {

    Mono<CustomerDocument> findByIdAndTenantId(String id, String tenantId);

    Flux<CustomerDocument> findByTenantIdOrderByIdAsc(String tenantId, Pageable page);

    Mono<Long> countByTenantId(String tenantId);
}
