package com.huifang.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;

/**
 * The limiter when no Redis is configured (the one-command local stack, a single gateway): a Bucket4j
 * token bucket per key in this gateway's memory. PER INSTANCE: with n gateways behind a load balancer a
 * tenant gets up to n times its limit — configure {@code spring.data.redis.*} there and the buckets are
 * shared ({@link SharedRedisRateLimiter}). Same bucket model and headers as Spring Cloud Gateway's
 * RedisRateLimiter. Buckets unused for {@code idle-bucket-expiry} are dropped (a dropped bucket comes
 * back full, which it would be by then), and at most {@code max-buckets} are kept, so made-up partner
 * ids cannot fill the heap.
 */
public class LocalBucketRateLimiter implements RateLimiter<Object> {

    private final RateLimits limits;
    private final Cache<String, Bucket> buckets;
    private final Map<String, Object> config = new HashMap<>();

    public LocalBucketRateLimiter(RateLimits limits, Duration idleBucketExpiry, long maxBuckets) {
        this.limits = limits;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(idleBucketExpiry).maximumSize(maxBuckets).build();
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String key) {
        RateLimits.Limit limit = limits.limitFor(key);
        Bucket bucket = buckets.get(key, k -> newBucket(limit));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(limit.requestedTokens());
        return Mono.just(new Response(probe.isConsumed(), RateLimitHeaders.of(limit, probe.getRemainingTokens())));
    }

    private static Bucket newBucket(RateLimits.Limit limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.burstCapacity())
                        .refillGreedy(limit.replenishRate(), Duration.ofSeconds(1)).build())
                .build();
    }

    @Override
    public Map<String, Object> getConfig() {
        return config;
    }

    @Override
    public Class<Object> getConfigClass() {
        return Object.class;
    }

    @Override
    public Object newConfig() {
        return new Object();
    }
}
