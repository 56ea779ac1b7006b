package com.huifang.survey.template.store;

import com.huifang.platform.mongo.IndexDeclaration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;

@Configuration(proxyBeanMethods = false)
class TemplateIndexes {

    /** Histories and lists of one tenant's templates. */
    @Bean
    IndexDeclaration templateIndexDeclaration() {
        return mongo -> mongo.indexOps(TemplateDocument.class)
                .ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("templateId", Sort.Direction.ASC)
                        .on("version", Sort.Direction.ASC).unique().named("tenant_template_version"))
                .then();
    }
}
