package com.huifang.customer.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.customer.partner.PartnerAuthenticator;
import com.huifang.testsupport.MutableClock;
import com.huifang.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one Spring context of customer-service's integration tests (shared, so it starts once):
 * the real app on a random port, the embedded Kafka broker and the MongoDB-wire store. Each test
 * uses its own tenant, so tests do not see each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // small limits, so the 413 tests need small bodies
        "spring.codec.max-in-memory-size=1MB",
        "spring.webflux.multipart.max-disk-usage-per-part=2MB"})
@Import(CustomerServiceIntegrationTest.TestClock.class)
// the relay drains tens of thousands of imported customers' events while later tests run: on 2 shared
// cores a request may wait longer than the default 5 s
@org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient(timeout = "PT30S")
abstract class CustomerServiceIntegrationTest {

    static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "customer-service-it");
        // each relay pass scans the whole customers collection on the embedded store (it builds no
        // secondary index); every 100 ms with 20,000 imported customers it starves the import
        registry.add("huifang.outbox.interval", () -> "1s");
    }

    @TestConfiguration
    static class TestClock {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    static String tenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String token(String tenant, String user, String... roles) {
        return TestInfrastructure.token(tenant, user, roles);
    }

    WebTestClient.RequestHeadersSpec<?> post(String token, String uri, Object body) {
        return http.post().uri(uri).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body);
    }

    JsonNode createCustomer(String token, Map<String, Object> body) {
        return post(token, "/api/customers", body).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** Registers a partner for {@code tenant} and returns its secret. */
    String registerPartner(String tenant, String partnerId) {
        JsonNode registered = post(token(tenant, "admin", "ADMIN"), "/api/partners",
                Map.of("partnerId", partnerId, "name", "HIS " + partnerId))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return registered.get("secret").asText();
    }

    WebTestClient.ResponseSpec push(String path, String partnerId, String secret, String eventId, long timestamp,
                                    byte[] body) {
        return http.post().uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Huifang-Partner", partnerId)
                .header("X-Huifang-Event-Id", eventId)
                .header("X-Huifang-Timestamp", Long.toString(timestamp))
                .header("X-Huifang-Signature", PartnerAuthenticator.sign(secret, eventId, timestamp, body))
                .bodyValue(body)
                .exchange();
    }

    static long now() {
        return CLOCK.instant().getEpochSecond();
    }

    static byte[] dischargeBody(String ref, String phone) {
        return ("{\"type\":\"DISCHARGED\",\"occurredAt\":\"" + CLOCK.instant().minus(Duration.ofHours(2)) + "\","
                + "\"customer\":{\"ref\":\"" + ref + "\",\"name\":\"张三\",\"category\":\"住院\","
                + "\"phones\":[\"" + phone + "\"],\"staffIds\":[\"dr-zhou\"]},"
                + "\"attributes\":{\"department\":\"骨科\"}}").getBytes(StandardCharsets.UTF_8);
    }

    static KafkaConsumer<String, String> consumer(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** Every record of {@code topic} whose value contains {@code marker}, read for {@code quiet} after the last one. */
    static List<String> recordsContaining(KafkaConsumer<String, String> consumer, String marker, int atLeast,
                                          Duration timeout) {
        List<String> found = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        long quietUntil = 0;
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                if (r.value() != null && r.value().contains(marker)) {
                    found.add(r.value());
                }
            }
            if (found.size() >= atLeast) {
                if (quietUntil == 0) {
                    // keep reading a little longer: a second copy would arrive within a few relay passes
                    quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                } else if (System.nanoTime() > quietUntil) {
                    break;
                }
            }
        }
        return found;
    }
}
