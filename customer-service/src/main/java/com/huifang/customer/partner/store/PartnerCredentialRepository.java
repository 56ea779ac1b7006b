package com.huifang.customer.partner.store;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;

public interface PartnerCredentialRepository extends ReactiveCrudRepository<PartnerCredentialDocument, String> {

    Flux<PartnerCredentialDocument> findByTenantId(String tenantId);
}
