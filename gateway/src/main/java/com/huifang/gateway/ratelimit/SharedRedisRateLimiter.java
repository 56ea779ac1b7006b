package com.huifang.gateway.ratelimit;

import java.util.Map;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import reactor.core.publisher.Mono;

/**
 * The limiter when {@code spring.data.redis.*} is configured: Spring Cloud Gateway's own
 * {@link RedisRateLimiter} (one atomic Lua script per request, Redis server time), so every gateway
 * instance draws from the same bucket of a tenant or partner. SCG configures that limiter per route;
 * the limit here is per tenant/partner, so each distinct configured limit is registered with it under
 * its {@link RateLimits.Limit#id()} and the request is checked against the limit of its key, in place of
 * the route: one bucket per tenant/partner across all routes. The Redis keys are
 * {@code request_rate_limiter.{<limit-id>.tenant:<id>}.tokens|timestamp} (a changed limit starts a fresh
 * bucket; the old keys expire after twice their fill time). When Redis cannot be reached,
 * SCG's limiter lets the request through (and logs it): the gateway degrades to unlimited, not to down.
 */
public class SharedRedisRateLimiter implements RateLimiter<Object> {

    private final RedisRateLimiter redis;
    private final RateLimits limits;

    public SharedRedisRateLimiter(RedisRateLimiter redis, RateLimits limits) {
        this.redis = redis;
        this.limits = limits;
        // registered once, before the first request: the limiter's config map is not concurrent
        limits.all().forEach((id, l) -> redis.getConfig().put(id, new RedisRateLimiter.Config()
                .setReplenishRate(l.replenishRate())
                .setBurstCapacity(l.burstCapacity())
                .setRequestedTokens(l.requestedTokens())));
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String key) {
        return redis.isAllowed(limits.limitFor(key).id(), key);
    }

    @Override
    public Map<String, Object> getConfig() {
        return Map.of();
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
