package com.huifang.schedule.support;

import com.huifang.platform.messaging.OutboxCollections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Collections whose documents carry events to relay. */
@Configuration(proxyBeanMethods = false)
public class ScheduleStoreConfiguration {

    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of("visits", "calendars", "plans", "teams");
    }
}
