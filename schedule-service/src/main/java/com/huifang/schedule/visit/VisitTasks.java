package com.huifang.schedule.visit;

import com.huifang.platform.task.PeriodicTask;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The visits' periodic work: the due sweep and the refresh of the visit gauges. */
@Configuration(proxyBeanMethods = false)
public class VisitTasks {

    /** Fires the visits that fell due; its first pass one interval after start. */
    @Bean
    PeriodicTask dueSweepTask(DueSweeper sweeper, MeterRegistry registry,
                              @Value("${huifang.schedule.sweep-interval:1s}") Duration interval) {
        return new PeriodicTask("due-sweep", interval, sweeper::sweepOnce, registry);
    }

    /** Recomputes the visit gauges, the first time right at start. */
    @Bean
    PeriodicTask visitMetricsTask(VisitMetrics metrics, MeterRegistry registry,
                                  @Value("${huifang.schedule.metrics-interval:30s}") Duration interval) {
        return new PeriodicTask("visit-metrics", interval, metrics::refresh, registry).startingAtOnce();
    }
}
