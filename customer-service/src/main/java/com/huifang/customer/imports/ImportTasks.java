package com.huifang.customer.imports;

import com.huifang.customer.support.ImportProperties;
import com.huifang.platform.task.PeriodicTask;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The imports' periodic work: taking up unfinished jobs whose lease ran out. */
@Configuration(proxyBeanMethods = false)
public class ImportTasks {

    /**
     * Resumes due jobs at start-up and every {@code huifang.customer.imports.check-interval}. On shutdown it
     * stops (its pass in flight done) a phase before {@link CustomerImport} hands its jobs back, so no check
     * claims a job again once the leases are released.
     */
    @Bean
    PeriodicTask importResumeTask(CustomerImport imports, ImportProperties properties, MeterRegistry registry) {
        return new PeriodicTask("import-resume", properties.checkInterval(), imports::resumeDue, registry)
                .startingAtOnce()
                .withPhase(CustomerImport.PHASE + 1);
    }
}
