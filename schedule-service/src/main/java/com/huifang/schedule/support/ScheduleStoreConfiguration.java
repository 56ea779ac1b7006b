package com.huifang.schedule.support;

import com.huifang.platform.messaging.OutboxCollections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Collections whose documents carry events to relay. */
@Configuration(proxyBeanMethods = false)
public class ScheduleStoreConfiguration {

    /**
     * Finished visits — with their attempts, notes and recording references — go when they outlived
     * the tenant's retention after closing (issue 10 §2); open visits are never purged.
     */
    @Bean
    com.huifang.platform.retention.RetentionTarget closedVisitsRetention() {
        return com.huifang.platform.retention.RetentionTarget.delete("visits", "closedAt",
                org.springframework.data.mongodb.core.query.Criteria.where("state")
                        .in("COMPLETED", "FAILED", "CANCELLED", "REFUSED"));
    }

    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of("visits", "calendars", "plans", "teams", "access_grants");
    }
}
