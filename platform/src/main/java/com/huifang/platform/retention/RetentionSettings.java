package com.huifang.platform.retention;

import com.huifang.contracts.events.TenantRetentionChanged;
import com.huifang.platform.mongo.VersionedCopies;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * Each tenant's retention as this service last heard it ({@code TenantRetentionChanged}, highest
 * version wins), kept in collection {@value #COLLECTION}; tenants that never set one keep records
 * for {@code defaultRetention} (3 years unless configured).
 */
public class RetentionSettings {

    public static final String COLLECTION = "tenant_retention";

    /** Stored shape: id = tenant. */
    public record TenantRetention(String id, int retentionDays, int legalMinimumDays, int version) {
    }

    private final ReactiveMongoTemplate mongo;
    private final VersionedCopies<TenantRetention> copies;
    private final Duration defaultRetention;

    public RetentionSettings(ReactiveMongoTemplate mongo, Duration defaultRetention) {
        this.mongo = mongo;
        this.copies = VersionedCopies.of(mongo, TenantRetention.class, "version").in(COLLECTION);
        this.defaultRetention = defaultRetention;
    }

    public Duration defaultRetention() {
        return defaultRetention;
    }

    /** Keeps the event's rule unless a newer version is already stored. */
    public Mono<Void> apply(TenantRetentionChanged e) {
        // an older or equal version, or one that lost a race to a newer one, is a no-op
        return copies.offer(e.tenant(), e.version(), new Update().set("retentionDays", e.retentionDays())
                        .set("legalMinimumDays", e.legalMinimumDays()))
                .then();
    }

    /** Retention per tenant that set one. */
    public Mono<Map<String, Duration>> byTenant() {
        return mongo.findAll(TenantRetention.class, COLLECTION)
                .collect(Collectors.toMap(TenantRetention::id, t -> Duration.ofDays(t.retentionDays())));
    }
}
