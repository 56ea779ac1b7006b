package com.huifang.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

/**
 * Deletes processed-event markers older than the retention ({@code huifang.inbox.retention},
 * default 14 days), on the {@code processedAt} index. A marker only has to outlive the window in
 * which its event can be delivered again (a rebalance, a relay resending after a crash: seconds to
 * minutes); handlers are idempotent besides, so an event replayed from a topic after its marker is
 * gone changes nothing. A purge by query, not a TTL index: the embedded store has no TTL expiry,
 * and several instances purging at once simply delete the same markers.
 */
public class InboxPurge {

    private static final Logger log = LoggerFactory.getLogger(InboxPurge.class);

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Duration retention;
    private final Counter purged;

    public InboxPurge(ReactiveMongoTemplate mongo, Clock clock, Duration retention, MeterRegistry registry) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("huifang.inbox.retention must be positive: " + retention);
        }
        this.mongo = mongo;
        this.clock = clock;
        this.retention = retention;
        this.purged = Counter.builder("huifang.inbox.purged")
                .description("Processed-event markers deleted after the retention").register(registry);
    }

    /** Deletes every marker processed before now minus the retention; returns how many went. */
    public Mono<Long> purgeOnce() {
        Date cutoff = Date.from(clock.instant().minus(retention));
        return mongo.remove(Query.query(Criteria.where("processedAt").lt(cutoff)), Inbox.COLLECTION)
                .map(r -> r.getDeletedCount())
                .doOnNext(n -> {
                    purged.increment(n);
                    if (n > 0) {
                        log.info("Purged {} processed-event markers older than {}", n, cutoff.toInstant());
                    }
                });
    }

    public Duration retention() {
        return retention;
    }
}
