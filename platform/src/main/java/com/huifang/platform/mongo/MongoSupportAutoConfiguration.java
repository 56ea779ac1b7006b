package com.huifang.platform.mongo;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.data.mongo.MongoReactiveDataAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Truthful Mongo health on the embedded store and on real MongoDB alike; indexes at start-up. */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.actuate.autoconfigure.data.mongo.MongoReactiveHealthContributorAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.data.mongo.MongoHealthContributorAutoConfiguration"},
        after = MongoReactiveDataAutoConfiguration.class)
@ConditionalOnClass(ReactiveMongoTemplate.class)
public class MongoSupportAutoConfiguration {

    /**
     * Bounded waits everywhere: a store that stops answering turns into a 503 problem within
     * seconds (see the problem handler) instead of a request that hangs.
     */
    @Bean
    org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer huifangMongoTimeouts(
            @org.springframework.beans.factory.annotation.Value("${huifang.mongo.timeout:10s}") java.time.Duration timeout) {
        long ms = timeout.toMillis();
        return settings -> settings
                .applyToClusterSettings(c -> c.serverSelectionTimeout(Math.min(ms, 5000), java.util.concurrent.TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s.connectTimeout((int) Math.min(ms, 5000), java.util.concurrent.TimeUnit.MILLISECONDS)
                        .readTimeout((int) ms, java.util.concurrent.TimeUnit.MILLISECONDS))
                .applyToConnectionPoolSettings(p -> p.maxWaitTime(ms, java.util.concurrent.TimeUnit.MILLISECONDS));
    }

    @Bean
    IndexInitializer indexInitializer(ReactiveMongoTemplate mongo,
                                      org.springframework.beans.factory.ObjectProvider<IndexDeclaration> declarations) {
        return new IndexInitializer(mongo, declarations.orderedStream().toList());
    }

    /** Named as Spring Boot's own so that it replaces it. */
    @Bean(name = "mongoHealthContributor")
    MongoPingHealthIndicator mongoHealthContributor(ReactiveMongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }
}
