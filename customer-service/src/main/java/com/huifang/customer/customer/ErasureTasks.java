package com.huifang.customer.customer;

import com.huifang.platform.task.PeriodicTask;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The erasure requests' periodic work: completing the late ones and refreshing the gauges. */
@Configuration(proxyBeanMethods = false)
public class ErasureTasks {

    @Bean
    PeriodicTask erasureProgressTask(ErasureProgress progress, MeterRegistry registry,
                                     @Value("${huifang.customer.erasure.sweep-interval:1m}") Duration interval) {
        return new PeriodicTask("erasure-progress", interval, progress::sweep, registry).startingAtOnce();
    }
}
