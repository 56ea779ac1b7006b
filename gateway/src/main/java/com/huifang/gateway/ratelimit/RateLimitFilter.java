package com.huifang.gateway.ratelimit;

import com.huifang.platform.problem.ProblemRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Cloud Gateway's RequestRateLimiter, as a global filter in front of every route: key from
 * {@link CallerKeyResolver}, decision from the {@link RateLimiter}, the limiter's X-RateLimit-* headers
 * on every answer. Ours only because SCG's filter ends a refusal with an empty 429; here it is a
 * problem+json like every other gateway problem, with Retry-After. Runs before the circuit breakers, so
 * a refused request never counts against a service.
 */
public class RateLimitFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final KeyResolver keys;
    private final RateLimiter<?> limiter;
    private final RateLimits limits;
    private final ProblemRenderer problems;
    private final io.micrometer.core.instrument.MeterRegistry registry;

    public RateLimitFilter(KeyResolver keys, RateLimiter<?> limiter, RateLimits limits, ProblemRenderer problems,
                           io.micrometer.core.instrument.MeterRegistry registry) {
        this.keys = keys;
        this.limiter = limiter;
        this.limits = limits;
        this.problems = problems;
        this.registry = registry;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return keys.resolve(exchange).defaultIfEmpty("").flatMap(key -> {
            if (key.isEmpty()) {
                return chain.filter(exchange);
            }
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            return limiter.isAllowed(route == null ? "" : route.getId(), key).flatMap(response -> {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                response.getHeaders().forEach(headers::set);
                if (response.isAllowed()) {
                    return chain.filter(exchange);
                }
                RateLimits.Limit limit = limits.limitFor(key);
                long retryAfter = limit.secondsUntilNextRequest(remaining(response));
                headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
                boolean partner = key.startsWith(RateLimits.Kind.PARTNER.key(""));
                // counted, not logged at INFO: a caller over its limit would otherwise write one line per request
                registry.counter("huifang.gateway.rate.limited", "kind", partner ? "partner" : "tenant").increment();
                log.debug("Rate limited {} {} for {}: {} requests/s, burst {}", exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath(), key, limit.replenishRate() / (double) limit.requestedTokens(),
                        limit.burstCapacity() / limit.requestedTokens());
                return problems.render(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                        partner ? "gateway.rate-limited.partner" : "gateway.rate-limited.tenant", retryAfter);
            });
        });
    }

    private static long remaining(RateLimiter.Response response) {
        try {
            return Long.parseLong(response.getHeaders().getOrDefault(RedisRateLimiter.REMAINING_HEADER, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Early: before the routing filters and the circuit breakers. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
