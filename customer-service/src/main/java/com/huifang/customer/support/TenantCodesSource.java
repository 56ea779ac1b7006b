package com.huifang.customer.support;

import com.huifang.customer.customer.domain.TenantCodes;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The codes a tenant may use: the ones its admin defined ({@code tenant_codes}), else the
 * configured defaults ({@code huifang.customer.codes.*}).
 */
@Component
public class TenantCodesSource {

    private final TenantCodes defaults;
    private final ReactiveMongoTemplate mongo;

    public TenantCodesSource(TenantCodes defaults, ReactiveMongoTemplate mongo) {
        this.defaults = defaults;
        this.mongo = mongo;
    }

    /** A tenant's own codes, as stored. */
    @Document("tenant_codes")
    public static class TenantCodesDocument {
        @Id
        public String tenantId;
        public List<String> categories;
        public String defaultCategory;
        public List<String> serviceEventTypes;
        public Instant updatedAt;
        public String updatedBy;
    }

    public Mono<TenantCodes> of(String tenantId) {
        return mongo.findById(tenantId, TenantCodesDocument.class)
                .map(d -> new TenantCodes(new LinkedHashSet<>(d.categories), d.defaultCategory,
                        new LinkedHashSet<>(d.serviceEventTypes)))
                .defaultIfEmpty(defaults);
    }

    public Mono<TenantCodes> save(String tenantId, TenantCodes codes, String userId, Instant now) {
        TenantCodesDocument d = new TenantCodesDocument();
        d.tenantId = tenantId;
        d.categories = List.copyOf(codes.categories());
        d.defaultCategory = codes.defaultCategory();
        d.serviceEventTypes = List.copyOf(codes.serviceEventTypes());
        d.updatedAt = now;
        d.updatedBy = userId;
        return mongo.save(d).thenReturn(codes);
    }
}
