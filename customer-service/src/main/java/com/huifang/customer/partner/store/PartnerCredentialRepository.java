package com.huifang.customer.partner.store;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Flux;

public interface PartnerCredentialRepository extends ReactiveMongoRepository<PartnerCredentialDocument, String> {

    Flux<PartnerCredentialDocument> findByTenantId(String tenantId);
}
