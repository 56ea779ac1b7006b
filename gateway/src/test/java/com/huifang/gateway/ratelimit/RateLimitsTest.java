package com.huifang.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    private final RateLimits.Limit tenantDefault = new RateLimits.Limit(500, 1000, 1);
    private final RateLimits.Limit partnerDefault = new RateLimits.Limit(200, 400, 1);
    private final RateLimits.Limit slow = new RateLimits.Limit(1, 300, 100);
    private final RateLimits limits = new RateLimits(tenantDefault, Map.of("acme", slow), partnerDefault,
            Map.of("his-1", new RateLimits.Limit(50, 50, 1)));

    @Test
    void aTenantOverrideAppliesToThatTenantOnly() {
        assertThat(limits.limitFor(RateLimits.Kind.TENANT.key("acme"))).isEqualTo(slow);
        assertThat(limits.limitFor(RateLimits.Kind.TENANT.key("other"))).isEqualTo(tenantDefault);
    }

    @Test
    void aPartnerNamedLikeATenantGetsThePartnerLimit() {
        assertThat(limits.limitFor(RateLimits.Kind.PARTNER.key("acme"))).isEqualTo(partnerDefault);
        assertThat(limits.limitFor(RateLimits.Kind.PARTNER.key("his-1")).replenishRate()).isEqualTo(50);
    }

    @Test
    void retryAfterIsTheTimeToRefillOneRequestAndNeverZero() {
        assertThat(slow.secondsUntilNextRequest(0)).isEqualTo(100);
        assertThat(slow.secondsUntilNextRequest(99)).isEqualTo(1);
        assertThat(slow.secondsUntilNextRequest(40)).isEqualTo(60);
        assertThat(tenantDefault.secondsUntilNextRequest(0)).isEqualTo(1);
        assertThat(tenantDefault.secondsUntilNextRequest(-1)).isEqualTo(1);
    }

    @Test
    void aBucketThatCannotHoldOneRequestIsRejected() {
        assertThatThrownBy(() -> new RateLimits.Limit(1, 50, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimits.Limit(0, 50, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyDistinctLimitIsListedOnceForTheRedisLimiter() {
        assertThat(limits.all()).hasSize(4).containsKey(slow.id());
    }
}
