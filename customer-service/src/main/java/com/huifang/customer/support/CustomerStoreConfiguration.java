package com.huifang.customer.support;

import com.huifang.platform.messaging.OutboxCollections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Collections whose documents carry events to relay. */
@Configuration(proxyBeanMethods = false)
public class CustomerStoreConfiguration {

    /** Row errors of finished imports go with the tenant's retention (they quote the rows). */
    @Bean
    com.huifang.platform.retention.RetentionTarget importRowErrorsRetention() {
        return com.huifang.platform.retention.RetentionTarget.delete("import_row_errors", "createdAt");
    }

    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of("service_events", "customers", "partner_credentials", "retention_rules", "tenant_codes");
    }
}
