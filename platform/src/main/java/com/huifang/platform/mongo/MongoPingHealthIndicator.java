package com.huifang.platform.mongo;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractReactiveHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * Mongo health by {@code ping}, which both real MongoDB and the embedded MongoDB-wire store
 * answer (Spring Boot's own indicator sends {@code hello}, which the embedded store lacks, and so
 * reports DOWN on a healthy store). A ping that gets no answer within {@value #TIMEOUT_SECONDS} s
 * (no free connection, a store that does not answer) is DOWN, so a probe always gets an answer
 * instead of hanging until the prober's own timeout.
 */
public class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

    static final long TIMEOUT_SECONDS = 5;

    private final ReactiveMongoTemplate mongo;

    public MongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
        super("Mongo health check failed");
        this.mongo = mongo;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.getMongoDatabase()
                .flatMap(db -> Mono.from(db.runCommand(new Document("ping", 1)))
                        .map(answer -> {
                            Object ok = answer.get("ok");
                            boolean up = ok instanceof Number n && n.doubleValue() == 1.0;
                            return (up ? builder.up() : builder.down()).withDetail("database", db.getName()).build();
                        }))
                .timeout(java.time.Duration.ofSeconds(TIMEOUT_SECONDS),
                        Mono.fromSupplier(() -> builder.down().withDetail("error", "no answer to ping within "
                                + TIMEOUT_SECONDS + " s").build()));
    }
}
