package com.huifang.gateway.ratelimit;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * True when the deployment names a Redis ({@code spring.data.redis.host}, {@code .url},
 * {@code .sentinel.master} or {@code .cluster.nodes}): Spring Boot would otherwise assume localhost:6379.
 */
class RedisConfigured extends SpringBootCondition {

    static final String[] PROPERTIES = {"spring.data.redis.host", "spring.data.redis.url",
            "spring.data.redis.sentinel.master", "spring.data.redis.cluster.nodes"};

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return configured(context.getEnvironment())
                ? ConditionOutcome.match("a Redis is configured: shared buckets")
                : ConditionOutcome.noMatch("no spring.data.redis.host/url/sentinel/cluster: per-instance buckets");
    }

    static boolean configured(Environment env) {
        for (String p : PROPERTIES) {
            String v = env.getProperty(p);
            if (v != null && !v.isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** The opposite. */
    static class Not extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return configured(context.getEnvironment())
                    ? ConditionOutcome.noMatch("a Redis is configured")
                    : ConditionOutcome.match("no Redis configured: per-instance buckets");
        }
    }
}
