package com.huifang.reporting.metrics;

import com.huifang.platform.task.PeriodicTask;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Recomputes the business gauges from the facts, the first time right at start. */
@Configuration(proxyBeanMethods = false)
public class MetricsTasks {

    @Bean
    PeriodicTask businessMetricsTask(BusinessMetrics metrics, MeterRegistry registry,
                                     @Value("${reporting.metrics.refresh:15s}") Duration refresh) {
        return new PeriodicTask("business-metrics", refresh, metrics::refresh, registry).startingAtOnce();
    }
}
