package com.huifang.feedback.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.HuifangEvent;
import com.huifang.contracts.Topics;
import com.huifang.testsupport.MutableClock;
import com.huifang.testsupport.TestInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one Spring test context of feedback-service: the real embedded broker and store, a clock the tests
 * move, small attachment limits, and the SLA sweeper's own loop idle (tests call {@code sweepOnce}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "huifang.feedback.attachments.max-bytes=2048",
        "huifang.feedback.attachments.max-count=3",
        "huifang.feedback.sla-sweep-interval=1h"})
@Import(FeedbackIntegrationTest.TestClock.class)
public abstract class FeedbackIntegrationTest {

    /** Monday 2 March 2026, 10:00 in Shanghai: a working day inside business hours. */
    public static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));

    @TestConfiguration
    static class TestClock {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "feedback-tests");
    }

    @Autowired
    protected WebTestClient http;

    protected static String newTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static String token(String tenant, String user, String... roles) {
        return TestInfrastructure.token(tenant, user, roles);
    }

    protected JsonNode raise(String token, String category, String customerId, List<String> staffIds) {
        return http.post().uri("/api/issues").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("category", category, "description", "衣柜门关不上", "customerId", customerId,
                        "staffIds", staffIds))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    protected WebTestClient.ResponseSpec act(String token, String issueId, String action, Object body) {
        var spec = http.post().uri("/api/issues/{id}/{action}", issueId, action).headers(h -> h.setBearerAuth(token));
        return body == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    protected JsonNode get(String token, String uri, Object... vars) {
        return http.get().uri(uri, vars).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    protected static void publish(String topic, String tenant, String eventId, HuifangEvent payload) {
        EventEnvelope envelope = EventJson.envelope(UUID.nameUUIDFromBytes(eventId.getBytes()), payload, tenant,
                UUID.randomUUID().toString(), CLOCK.instant());
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (var producer = new KafkaProducer<String, String>(p)) {
            producer.send(new ProducerRecord<>(topic, payload.key(), EventJson.write(envelope)));
        }
    }

    /** Every event on {@code huifang.issues} so far about {@code issueId}, read for {@code wait}. */
    protected static List<EventEnvelope> issueEvents(String issueId, Duration wait) {
        return events(Topics.ISSUES, issueId, wait);
    }

    /** Every event on {@code topic} so far with key {@code key}, read for {@code wait}. */
    protected static List<EventEnvelope> events(String topic, String key, Duration wait) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        var out = new ArrayList<EventEnvelope>();
        try (var consumer = new KafkaConsumer<String, String>(p)) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long end = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < end) {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        out.add(EventJson.read(r.value()));
                    }
                }
            }
        }
        return out;
    }
}
