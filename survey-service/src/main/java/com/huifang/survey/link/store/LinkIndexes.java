package com.huifang.survey.link.store;

import com.huifang.platform.mongo.IndexDeclaration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;

@Configuration(proxyBeanMethods = false)
class LinkIndexes {

    /** The links issued for one visit (the token hash is the id). */
    @Bean
    IndexDeclaration surveyLinkIndexDeclaration() {
        return mongo -> mongo.indexOps(LinkDocument.class)
                .ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("visitId", Sort.Direction.ASC)
                        .named("tenant_visit"))
                .then();
    }
}
