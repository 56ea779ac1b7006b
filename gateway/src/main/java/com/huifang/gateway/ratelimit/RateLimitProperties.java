package com.huifang.gateway.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code huifang.gateway.rate-limit.*}: the default bucket of every tenant and of every partner, and
 * overrides by id ({@code tenants.<tenant-id>.*}, {@code partners.<partner-id>.*}).
 *
 * @param enabled           false turns the limiter off (a deployment that limits in front of the gateway)
 * @param tenant            the default of each tenant, over all its users' {@code /api/**} calls
 * @param partner           the default of each partner's pushes to {@code /api/partner/**}
 * @param tenants           per-tenant overrides
 * @param partners          per-partner overrides
 * @param idleBucketExpiry  in-memory limiter only: a bucket unused this long is dropped (by then it is full again)
 * @param maxBuckets        in-memory limiter only: at most this many buckets are kept
 */
@ConfigurationProperties("huifang.gateway.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue LimitProperties tenant,
        @DefaultValue LimitProperties partner,
        Map<String, LimitProperties> tenants,
        Map<String, LimitProperties> partners,
        @DefaultValue("10m") Duration idleBucketExpiry,
        @DefaultValue("100000") long maxBuckets) {

    public RateLimitProperties {
        tenants = tenants == null ? Map.of() : tenants;
        partners = partners == null ? Map.of() : partners;
    }

    /** One bucket's settings; see {@link RateLimits.Limit}. */
    public record LimitProperties(@DefaultValue("500") int replenishRate, @DefaultValue("1000") int burstCapacity,
                                  @DefaultValue("1") int requestedTokens) {

        RateLimits.Limit toLimit() {
            return new RateLimits.Limit(replenishRate, burstCapacity, requestedTokens);
        }
    }

    RateLimits toRateLimits() {
        Map<String, RateLimits.Limit> t = new LinkedHashMap<>();
        tenants.forEach((id, l) -> t.put(id, l.toLimit()));
        Map<String, RateLimits.Limit> p = new LinkedHashMap<>();
        partners.forEach((id, l) -> p.put(id, l.toLimit()));
        return new RateLimits(tenant.toLimit(), t, partner.toLimit(), p);
    }
}
