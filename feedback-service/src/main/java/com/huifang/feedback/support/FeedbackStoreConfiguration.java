package com.huifang.feedback.support;

import com.huifang.platform.messaging.OutboxCollections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Collections whose documents carry events to relay. */
@Configuration(proxyBeanMethods = false)
public class FeedbackStoreConfiguration {

    /** Closed issues go when they outlived the tenant's retention (issue 10 §2); open ones never. */
    @Bean
    com.huifang.platform.retention.RetentionTarget closedIssuesRetention() {
        return com.huifang.platform.retention.RetentionTarget.delete("issues", "updatedAt",
                org.springframework.data.mongodb.core.query.Criteria.where("state").is("CLOSED"));
    }

    /** Notifications are kept as long as the records they point at. */
    @Bean
    com.huifang.platform.retention.RetentionTarget notificationsRetention() {
        return com.huifang.platform.retention.RetentionTarget.delete("notifications", "createdAt");
    }

    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of("issues", "issue_rules");
    }
}
