package com.huifang.schedule.it;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.HuifangEvent;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.ServiceEventRecorded;
import com.huifang.testsupport.MutableClock;
import com.huifang.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one Spring test configuration of schedule-service's API tests (shared, so the context is
 * cached): the real embedded broker and MongoDB-wire store, a clock the tests move, a fast sweeper.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"huifang.schedule.sweep-interval=100ms", "huifang.schedule.metrics-interval=500ms"})
@org.springframework.context.annotation.Import(ScheduleApiTest.Clocks.class)
abstract class ScheduleApiTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String DATABASE = "schedule-it";
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T01:00:00Z"));

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, DATABASE);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        MutableClock clock() {
            return CLOCK;
        }
    }

    @Autowired
    WebTestClient http;

    @org.junit.jupiter.api.BeforeEach
    void patientClient() {
        // the first requests of a cold context on a busy 2-core machine can take more than the default 5 s
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    static String tenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String token(String tenant, String user, String... roles) {
        return TestInfrastructure.token(tenant, user, roles);
    }

    static Instant sh(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    static String local(String instant) {
        return Instant.parse(instant).atZone(SHANGHAI).toLocalDateTime().toString();
    }

    static void publish(String tenant, HuifangEvent payload) {
        EventEnvelope envelope = EventJson.envelope(payload, tenant, "it-" + UUID.randomUUID(), CLOCK.instant());
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(
                    com.huifang.contracts.EventCatalog.byType(envelope.type()).orElseThrow().topic(),
                    envelope.key(), EventJson.write(envelope)));
        }
    }

    static ServiceEventRecorded serviceEvent(String customerId, String type, Instant at, Map<String, String> attributes,
                                             List<String> staff) {
        return new ServiceEventRecorded("se-" + UUID.randomUUID(), customerId, type, at, null, "DORMANT_MEMBER", staff,
                "STAFF", null, attributes);
    }

    JsonNode visitsOf(String token, String customerId) {
        return http.get().uri(u -> u.path("/api/visits").queryParam("customerId", customerId).build())
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** Waits until the customer's visits satisfy {@code ready}. */
    JsonNode awaitVisits(String token, String customerId, Predicate<JsonNode> ready) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> visitsOf(token, customerId), ready);
    }

    JsonNode visit(String token, String id) {
        return http.get().uri("/api/visits/{id}", id).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** Everything on the visits topic up to its end now. */
    static List<EventEnvelope> readWholeVisitsTopic() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<EventEnvelope> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<org.apache.kafka.common.TopicPartition> partitions = consumer.partitionsFor(Topics.VISITS).stream()
                    .map(i -> new org.apache.kafka.common.TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
            long until = System.currentTimeMillis() + 30_000;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.currentTimeMillis() < until) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    read.add(EventJson.read(r.value()));
                }
            }
        }
        return read;
    }

    /** Reads the visits topic from the beginning until {@code done} holds for what was read. */
    static List<EventEnvelope> readVisitsTopic(Predicate<List<EventEnvelope>> done) {
        return readTopic(Topics.VISITS, done);
    }

    /**
     * Reads a topic from the beginning until {@code done} holds for what was read, then on for
     * {@code settle} more (so that a duplicate arriving late is seen too), at most 30 s in all.
     */
    static List<EventEnvelope> readTopic(String topic, Predicate<List<EventEnvelope>> done, Duration settle) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<EventEnvelope> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            long until = System.currentTimeMillis() + 30_000;
            long settledAt = Long.MAX_VALUE;
            while (System.currentTimeMillis() < Math.min(until, settledAt)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    read.add(EventJson.read(r.value()));
                }
                if (settledAt == Long.MAX_VALUE && done.test(read)) {
                    settledAt = System.currentTimeMillis() + settle.toMillis();
                }
            }
        }
        return read;
    }

    static List<EventEnvelope> readTopic(String topic, Predicate<List<EventEnvelope>> done) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<EventEnvelope> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            long until = System.currentTimeMillis() + 30_000;
            while (!done.test(read) && System.currentTimeMillis() < until) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    read.add(EventJson.read(r.value()));
                }
            }
        }
        return read;
    }
}
