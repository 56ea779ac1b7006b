package com.huifang.survey.response.store;

import com.huifang.platform.mongo.IndexDeclaration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;

@Configuration(proxyBeanMethods = false)
class ResponseIndexes {

    /** A visit's response, and a customer's latest response (frequency guard). */
    @Bean
    IndexDeclaration responseIndexDeclaration() {
        return mongo -> mongo.indexOps(ResponseDocument.class)
                .ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("visitId", Sort.Direction.ASC)
                        .unique().named("tenant_visit"))
                .then(mongo.indexOps(ResponseDocument.class).ensureIndex(new Index()
                        .on("tenantId", Sort.Direction.ASC).on("customerId", Sort.Direction.ASC)
                        .on("submittedAt", Sort.Direction.DESC).named("tenant_customer_submitted")))
                .then();
    }
}
