package com.huifang.customer.support;

import com.huifang.platform.messaging.OutboxCollections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Collections whose documents carry events to relay. */
@Configuration(proxyBeanMethods = false)
public class CustomerStoreConfiguration {

    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of("service_events", "customers", "partner_credentials");
    }
}
