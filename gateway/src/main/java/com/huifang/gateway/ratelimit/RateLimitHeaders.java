package com.huifang.gateway.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;

/** The X-RateLimit-* headers Spring Cloud Gateway's RedisRateLimiter sets; the in-memory limiter sets the same. */
final class RateLimitHeaders {

    private RateLimitHeaders() {
    }

    static Map<String, String> of(RateLimits.Limit limit, long remaining) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(RedisRateLimiter.REMAINING_HEADER, Long.toString(remaining));
        headers.put(RedisRateLimiter.REPLENISH_RATE_HEADER, Integer.toString(limit.replenishRate()));
        headers.put(RedisRateLimiter.BURST_CAPACITY_HEADER, Integer.toString(limit.burstCapacity()));
        headers.put(RedisRateLimiter.REQUESTED_TOKENS_HEADER, Integer.toString(limit.requestedTokens()));
        return headers;
    }
}
