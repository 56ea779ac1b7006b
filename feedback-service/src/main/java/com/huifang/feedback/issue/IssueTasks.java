package com.huifang.feedback.issue;

import com.huifang.platform.task.PeriodicTask;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The issues' periodic work: the SLA sweeper's pass, the first one interval after start. */
@Configuration(proxyBeanMethods = false)
public class IssueTasks {

    @Bean
    PeriodicTask slaSweepTask(SlaSweeper sweeper, MeterRegistry registry,
                              @Value("${huifang.feedback.sla-sweep-interval:5s}") Duration interval) {
        return new PeriodicTask("sla-sweep", interval, sweeper::passOnce, registry);
    }
}
