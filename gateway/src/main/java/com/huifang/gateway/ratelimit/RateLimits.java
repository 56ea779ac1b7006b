package com.huifang.gateway.ratelimit;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Who may send how much: a token bucket per tenant (every {@code /api/**} call of the tenant, whoever
 * the user) and per partner (pushes to {@code /api/partner/**}), with a default for each kind and
 * overrides per id. Pure Java: the gateway's limiters ask it for the limit of a key.
 */
public final class RateLimits {

    /** The two kinds of caller a bucket belongs to; the prefix keeps a tenant and a partner of the same name apart. */
    public enum Kind {
        TENANT("tenant:"), PARTNER("partner:");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        /** The bucket key of this caller. */
        public String key(String id) {
            return prefix + id;
        }
    }

    /**
     * One token bucket, in the terms of Spring Cloud Gateway's {@code RedisRateLimiter}: it holds
     * {@code burstCapacity} tokens, refills {@code replenishRate} tokens a second, and each request costs
     * {@code requestedTokens} (a cost above 1 expresses rates below one request a second).
     */
    public record Limit(int replenishRate, int burstCapacity, int requestedTokens) {

        public Limit {
            if (replenishRate < 1) {
                throw new IllegalArgumentException("replenish-rate must be at least 1, was " + replenishRate);
            }
            if (requestedTokens < 1) {
                throw new IllegalArgumentException("requested-tokens must be at least 1, was " + requestedTokens);
            }
            if (burstCapacity < requestedTokens) {
                throw new IllegalArgumentException("burst-capacity (" + burstCapacity
                        + ") must hold at least one request (" + requestedTokens + " tokens)");
            }
        }

        /** A name for this limit, the same for equal limits. */
        public String id() {
            return "huifang-" + replenishRate + "-" + burstCapacity + "-" + requestedTokens;
        }

        /**
         * Whole seconds until one more request fits, when {@code remaining} tokens are left (at least 1:
         * a client told "0" would retry at once).
         */
        public long secondsUntilNextRequest(long remaining) {
            long missing = Math.max(1, requestedTokens - Math.max(0, remaining));
            return Math.max(1, (missing + replenishRate - 1) / replenishRate);
        }
    }

    private final Limit tenantDefault;
    private final Limit partnerDefault;
    private final Map<String, Limit> tenants;
    private final Map<String, Limit> partners;

    public RateLimits(Limit tenantDefault, Map<String, Limit> tenants, Limit partnerDefault, Map<String, Limit> partners) {
        this.tenantDefault = tenantDefault;
        this.partnerDefault = partnerDefault;
        this.tenants = Map.copyOf(tenants);
        this.partners = Map.copyOf(partners);
    }

    /** The limit of a bucket key ({@link Kind#key}); an unknown kind gets the tenant default. */
    public Limit limitFor(String key) {
        if (key.startsWith(Kind.PARTNER.prefix)) {
            return partners.getOrDefault(key.substring(Kind.PARTNER.prefix.length()), partnerDefault);
        }
        if (key.startsWith(Kind.TENANT.prefix)) {
            return tenants.getOrDefault(key.substring(Kind.TENANT.prefix.length()), tenantDefault);
        }
        return tenantDefault;
    }

    /** Every distinct limit configured, by {@link Limit#id()}. */
    public Map<String, Limit> all() {
        Set<Limit> all = new LinkedHashSet<>();
        all.add(tenantDefault);
        all.add(partnerDefault);
        all.addAll(tenants.values());
        all.addAll(partners.values());
        Map<String, Limit> byId = new LinkedHashMap<>();
        all.forEach(l -> byId.put(l.id(), l));
        return byId;
    }
}
