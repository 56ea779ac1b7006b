package com.huifang.gateway.ratelimit;

import com.huifang.platform.problem.ProblemRenderer;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Rate limits per tenant and per partner: shared through Redis when one is configured, per gateway
 * instance otherwise. Both limiters are {@link Primary} so SCG's own RequestRateLimiter filter, if a
 * route ever names it, uses the same buckets.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnProperty(prefix = "huifang.gateway.rate-limit", name = "enabled", matchIfMissing = true)
public class RateLimitConfiguration {

    @Bean
    RateLimits rateLimits(RateLimitProperties props) {
        return props.toRateLimits();
    }

    @Bean
    @Primary
    @Conditional(RedisConfigured.class)
    SharedRedisRateLimiter sharedRedisRateLimiter(RedisRateLimiter redisRateLimiter, RateLimits limits) {
        LoggerFactory.getLogger(RateLimitConfiguration.class).info("Rate limits shared through Redis");
        return new SharedRedisRateLimiter(redisRateLimiter, limits);
    }

    @Bean
    @Primary
    @Conditional(RedisConfigured.Not.class)
    LocalBucketRateLimiter localBucketRateLimiter(RateLimits limits, RateLimitProperties props) {
        LoggerFactory.getLogger(RateLimitConfiguration.class)
                .info("Rate limits kept in this gateway instance (no spring.data.redis configured)");
        return new LocalBucketRateLimiter(limits, props.idleBucketExpiry(), props.maxBuckets());
    }

    @Bean
    @Primary
    CallerKeyResolver callerKeyResolver() {
        return new CallerKeyResolver();
    }

    @Bean
    RateLimitFilter rateLimitFilter(CallerKeyResolver keys, RateLimiter<?> limiter, RateLimits limits,
                                    ProblemRenderer problems, io.micrometer.core.instrument.MeterRegistry registry) {
        return new RateLimitFilter(keys, limiter, limits, problems, registry);
    }
}
