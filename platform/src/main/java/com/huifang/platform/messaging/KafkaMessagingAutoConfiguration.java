package com.huifang.platform.messaging;

import com.huifang.contracts.EventJson;
import com.huifang.contracts.Topics;
import com.huifang.platform.task.PeriodicTask;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.data.mongo.MongoReactiveDataAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Messaging as configuration: topics (and their dead-letter topics) created at start-up, the
 * outbox relay, the inbox, and the error handler every listener uses: a few retries with back-off,
 * then the record goes to {@code <topic>.DLT} with the exception in its headers, counted in
 * {@code huifang_dead_letters_total}. Poison messages skip the retries.
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, MongoReactiveDataAutoConfiguration.class})
@ConditionalOnClass({KafkaTemplate.class, ReactiveMongoTemplate.class})
public class KafkaMessagingAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaMessagingAutoConfiguration.class);

    @Bean
    KafkaAdmin.NewTopics huifangTopics(@Value("${huifang.kafka.partitions:3}") int partitions,
                                       @Value("${huifang.kafka.replicas:1}") short replicas) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.all()) {
            topics.add(TopicBuilder.name(topic).partitions(partitions).replicas(replicas).build());
            topics.add(TopicBuilder.name(Topics.deadLetterOf(topic)).partitions(partitions).replicas(replicas).build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    @ConditionalOnMissingBean
    DefaultErrorHandler huifangKafkaErrorHandler(KafkaTemplate<Object, Object> template, MeterRegistry registry,
                                                 @Value("${huifang.kafka.retries:3}") int retries) {
        // the name every Huifang topic's dead letters go to, whatever the library's default
        DeadLetterPublishingRecoverer toDeadLetters = new DeadLetterPublishingRecoverer(template,
                (record, ex) -> new org.apache.kafka.common.TopicPartition(Topics.deadLetterOf(record.topic()),
                        record.partition()));
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxAttempts(retries);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> {
            registry.counter("huifang.dead.letters", "topic", record.topic()).increment();
            log.error("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    rootCause(ex).toString());
            toDeadLetters.accept(record, ex);
        }, backOff);
        handler.addNotRetryableExceptions(EventJson.MalformedEventException.class, IllegalArgumentException.class);
        return handler;
    }

    @Bean
    @ConditionalOnMissingBean
    Inbox inbox(ReactiveMongoTemplate mongo, Clock clock, MeterRegistry registry,
                @Value("${huifang.kafka.handler-timeout:30s}") Duration timeout) {
        return new Inbox(mongo, clock, registry, timeout);
    }

    /** Processed-event markers are unique by id; the time index lets the purge drop old markers. */
    @Bean
    com.huifang.platform.mongo.IndexDeclaration processedEventIndexes() {
        return mongo -> mongo.indexOps(Inbox.COLLECTION)
                .ensureIndex(new org.springframework.data.mongodb.core.index.Index().on("processedAt",
                        org.springframework.data.domain.Sort.Direction.ASC))
                .then();
    }

    /** Deletes processed-event markers older than {@code huifang.inbox.retention} (default 14 days). */
    @Bean
    InboxPurge inboxPurge(ReactiveMongoTemplate mongo, Clock clock, MeterRegistry registry,
                          @Value("${huifang.inbox.retention:14d}") Duration retention) {
        return new InboxPurge(mongo, clock, retention, registry);
    }

    @Bean
    PeriodicTask inboxPurgeTask(InboxPurge purge, MeterRegistry registry,
                                @Value("${huifang.inbox.purge-interval:1h}") Duration interval) {
        return new PeriodicTask("inbox-purge", interval, purge::purgeOnce, registry);
    }

    /**
     * Drains the service's own outbox collections and the stand-alone audit entries
     * ({@link com.huifang.platform.audit.AuditTrail#COLLECTION}, deleted once relayed) every service may write.
     */
    @Bean
    OutboxRelay outboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, String> kafka,
                            ObjectProvider<OutboxCollections> collections, MeterRegistry registry,
                            @Value("${spring.application.name:huifang}") String service,
                            @Value("${huifang.outbox.batch-size:200}") int batchSize,
                            @Value("${huifang.outbox.lease:30s}") Duration lease) {
        return new OutboxRelay(mongo, kafka, relayed(collections), Set.of(com.huifang.platform.audit.AuditTrail.COLLECTION),
                batchSize, lease, Clock.systemUTC(), OutboxRelay.ownerName(service), registry);
    }

    @Bean
    PeriodicTask outboxRelayTask(OutboxRelay relay, MeterRegistry registry,
                                 @Value("${huifang.outbox.interval:200ms}") Duration interval) {
        return new PeriodicTask("outbox-relay", interval, relay::relayOnce, registry);
    }

    /** Every outbox collection's pending query reads the sparse {@code outbox.eventId} index, not the collection. */
    @Bean
    com.huifang.platform.mongo.IndexDeclaration outboxIndexes(ObjectProvider<OutboxCollections> collections) {
        return mongo -> reactor.core.publisher.Flux.fromIterable(relayed(collections).names())
                .concatMap(name -> mongo.indexOps(name).ensureIndex(OutboxRelay.pendingIndex()))
                .then();
    }

    private static OutboxCollections relayed(ObjectProvider<OutboxCollections> collections) {
        List<String> names = new ArrayList<>(collections.getIfAvailable(OutboxCollections::of).names());
        if (!names.contains(com.huifang.platform.audit.AuditTrail.COLLECTION)) {
            names.add(com.huifang.platform.audit.AuditTrail.COLLECTION);
        }
        return new OutboxCollections(List.copyOf(names));
    }

    @Bean
    @ConditionalOnMissingBean
    com.huifang.platform.audit.AuditTrail auditTrail(@Value("${spring.application.name:huifang}") String service,
                                                     Clock clock, ReactiveMongoTemplate mongo) {
        return new com.huifang.platform.audit.AuditTrail(service, clock, mongo);
    }

    @Bean
    @ConditionalOnMissingBean
    com.huifang.platform.erasure.ErasureConfirmations erasureConfirmations(
            @Value("${spring.application.name:huifang}") String service, Clock clock, ReactiveMongoTemplate mongo) {
        return new com.huifang.platform.erasure.ErasureConfirmations(service, clock, mongo);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
