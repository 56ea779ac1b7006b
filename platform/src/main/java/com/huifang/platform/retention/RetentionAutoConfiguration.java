package com.huifang.platform.retention;

import com.huifang.contracts.EventJson;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.TenantRetentionChanged;
import com.huifang.platform.messaging.Inbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import reactor.core.publisher.Mono;

/**
 * Retention for every service that declares {@link RetentionTarget} beans: the tenants' rules
 * copied from {@code huifang.tenant-settings} (in a consumer group of its own, so it never takes
 * partitions from the service's other listeners of that topic) and the daily purge.
 */
@AutoConfiguration(after = com.huifang.platform.messaging.KafkaMessagingAutoConfiguration.class)
@ConditionalOnClass(ReactiveMongoTemplate.class)
@ConditionalOnBean(RetentionTarget.class)
public class RetentionAutoConfiguration {

    @Bean
    RetentionSettings retentionSettings(ReactiveMongoTemplate mongo,
                                        @Value("${huifang.retention.default-days:1095}") int defaultDays) {
        return new RetentionSettings(mongo, Duration.ofDays(defaultDays));
    }

    @Bean
    RetentionPurge retentionPurge(ReactiveMongoTemplate mongo, List<RetentionTarget> targets, RetentionSettings settings,
                                  Clock clock, MeterRegistry registry,
                                  @Value("${huifang.retention.period:24h}") Duration period) {
        return new RetentionPurge(mongo, targets, settings, clock, period, registry);
    }

    /** Checks whether this period's purge is due (it fires once per period across all instances). */
    @Bean
    com.huifang.platform.task.PeriodicTask retentionPurgeTask(RetentionPurge purge, MeterRegistry registry,
                                                              @Value("${huifang.retention.check-every:15m}") Duration checkEvery) {
        return new com.huifang.platform.task.PeriodicTask("retention-purge", checkEvery, purge::purgeIfDue, registry)
                .startingAtOnce();
    }

    @Bean
    RetentionRulesListener retentionRulesListener(Inbox inbox, RetentionSettings settings) {
        return new RetentionRulesListener(inbox, settings);
    }

    /** Copies TenantRetentionChanged; other tenant settings are none of its business. */
    static class RetentionRulesListener {
        private final Inbox inbox;
        private final RetentionSettings settings;

        RetentionRulesListener(Inbox inbox, RetentionSettings settings) {
            this.inbox = inbox;
            this.settings = settings;
        }

        @KafkaListener(topics = Topics.TENANT_SETTINGS, groupId = "${spring.kafka.consumer.group-id:${spring.application.name}}-retention")
        void on(ConsumerRecord<String, String> record) {
            inbox.accept(record, "retention-rules", envelope -> "TenantRetentionChanged".equals(envelope.type())
                    ? settings.apply(EventJson.payload(envelope, TenantRetentionChanged.class))
                    : Mono.empty());
        }
    }
}
