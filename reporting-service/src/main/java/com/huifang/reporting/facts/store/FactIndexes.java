package com.huifang.reporting.facts.store;

import com.huifang.platform.mongo.IndexDeclaration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;
import reactor.core.publisher.Mono;

/** The indexes the report queries and the business metrics need on real MongoDB. */
@Configuration(proxyBeanMethods = false)
class FactIndexes {

    @Bean
    IndexDeclaration reportingFactIndexes() {
        return mongo -> Mono.when(
                // reports: visits due in a range; opinions of a range; a customer's visits (erasure)
                mongo.indexOps(VisitFactDocument.COLLECTION).ensureIndex(new Index()
                        .on("tenantId", Direction.ASC).on("dueDate", Direction.ASC).named("tenant_dueDate")),
                mongo.indexOps(VisitFactDocument.COLLECTION).ensureIndex(new Index()
                        .on("tenantId", Direction.ASC).on("opinionDate", Direction.ASC).sparse().named("tenant_opinionDate")),
                mongo.indexOps(VisitFactDocument.COLLECTION).ensureIndex(new Index()
                        .on("tenantId", Direction.ASC).on("customerId", Direction.ASC).named("tenant_customer")),
                // retention: ended visits by the customer's last contact
                mongo.indexOps(VisitFactDocument.COLLECTION).ensureIndex(new Index()
                        .on("tenantId", Direction.ASC).on("lastContactAt", Direction.ASC).sparse()
                        .named("tenant_lastContactAt")),
                // business metrics: open visits by due time
                mongo.indexOps(VisitFactDocument.COLLECTION).ensureIndex(new Index()
                        .on("result", Direction.ASC).on("dueAt", Direction.ASC).named("result_dueAt")),
                mongo.indexOps(IssueFactDocument.COLLECTION).ensureIndex(new Index()
                        .on("tenantId", Direction.ASC).on("raisedDate", Direction.ASC).named("tenant_raisedDate")),
                mongo.indexOps(IssueFactDocument.COLLECTION).ensureIndex(new Index()
                        .on("status", Direction.ASC).named("status")),
                mongo.indexOps(ServiceEventFactDocument.COLLECTION).ensureIndex(new Index()
                        .on("tenantId", Direction.ASC).on("occurredDate", Direction.ASC).named("tenant_occurredDate")),
                mongo.indexOps(AgentPlacementDocument.COLLECTION).ensureIndex(new Index()
                        .on("tenantId", Direction.ASC).named("tenant")));
    }
}
