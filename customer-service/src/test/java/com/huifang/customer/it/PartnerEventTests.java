package com.huifang.customer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.contracts.Topics;
import com.huifang.customer.partner.PartnerAuthenticator;
import com.huifang.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

class PartnerEventTests extends CustomerServiceIntegrationTest {

    private long customersOf(String tenant) {
        return mongo.count(Query.query(Criteria.where("tenantId").is(tenant)), "customers").block();
    }

    private long serviceEventsOf(String tenant) {
        return mongo.count(Query.query(Criteria.where("tenantId").is(tenant)), "service_events").block();
    }

    @Test
    void aWrongSignatureIsUnauthorizedAndStoresNothing() {
        String tenant = tenant();
        String partner = "his-" + tenant;
        registerPartner(tenant, partner);
        push("/api/partner/events", partner, "not-the-secret", "evt-1", now(), dischargeBody("P-1", "13800000001"))
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("partner-unauthorized");
        push("/api/partner/events", "no-such-partner", "x", "evt-1", now(), dischargeBody("P-1", "13800000001"))
                .expectStatus().isUnauthorized();
        assertThat(customersOf(tenant)).isZero();
        assertThat(serviceEventsOf(tenant)).isZero();
    }

    @Test
    void aStaleTimestampIsRejected() {
        String tenant = tenant();
        String partner = "his-" + tenant;
        String secret = registerPartner(tenant, partner);
        push("/api/partner/events", partner, secret, "evt-1", now() - 301, dischargeBody("P-1", "13800000002"))
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("5"));
        push("/api/partner/events", partner, secret, "evt-1", now() + 301, dischargeBody("P-1", "13800000002"))
                .expectStatus().isUnauthorized();
        assertThat(serviceEventsOf(tenant)).isZero();
    }

    @Test
    void theSameEventTwiceIsOneCustomerAndOneServiceEventRecorded() {
        String tenant = tenant();
        String partner = "his-" + tenant;
        String secret = registerPartner(tenant, partner);
        byte[] body = dischargeBody("P-100", "13800000100");
        try (KafkaConsumer<String, String> consumer = consumer(Topics.CUSTOMERS)) {
            JsonNode first = push("/api/partner/events", partner, secret, "evt-100", now(), body)
                    .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(first.get("status").asText()).isEqualTo("RECORDED");
            JsonNode second = push("/api/partner/events", partner, secret, "evt-100", now(), body)
                    .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(second.get("status").asText()).isEqualTo("DUPLICATE");
            assertThat(second.get("serviceEventId").asText()).isEqualTo(first.get("serviceEventId").asText());
            assertThat(second.get("customerId").asText()).isEqualTo(first.get("customerId").asText());

            List<String> recorded = recordsContaining(consumer, first.get("serviceEventId").asText(), 1,
                    Duration.ofSeconds(20));
            assertThat(recorded).hasSize(1);
            assertThat(recorded.get(0)).contains("ServiceEventRecorded").contains("\"customerCategory\":\"住院\"")
                    .contains("dr-zhou").doesNotContain("13800000100");
        }
        assertThat(customersOf(tenant)).isEqualTo(1);
        assertThat(serviceEventsOf(tenant)).isEqualTo(1);

        // a new event for the same person, named by another reference but with the same phone, merges into them
        JsonNode third = push("/api/partner/events", partner, secret, "evt-101", now(),
                dischargeBody("P-100-B", "+86 138 0000 0100"))
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(customersOf(tenant)).isEqualTo(1);
        assertThat(serviceEventsOf(tenant)).isEqualTo(2);
        assertThat(third.get("customerId").asText()).isNotBlank();

        Document raw = mongo.findOne(Query.query(Criteria.where("tenantId").is(tenant)), Document.class, "customers").block();
        assertThat(raw.toJson()).doesNotContain("13800000100");
    }

    @Test
    void anInvalidEventIsA400WithFieldErrorsAndStoresNothing() {
        String tenant = tenant();
        String partner = "his-" + tenant;
        String secret = registerPartner(tenant, partner);
        byte[] body = ("{\"type\":\"UNKNOWN_TYPE\",\"occurredAt\":\"yesterday\",\"customer\":{\"ref\":\"P 1\","
                + "\"phones\":[\"12\"]}}").getBytes(StandardCharsets.UTF_8);
        push("/api/partner/events", partner, secret, "evt-bad", now(), body)
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'type')].code").isEqualTo("unknown-code")
                .jsonPath("$.errors[?(@.field == 'occurredAt')].code").isEqualTo("date-time-format")
                .jsonPath("$.errors[?(@.field == 'customer.ref')].code").isEqualTo("customer-ref-format")
                .jsonPath("$.errors[?(@.field == 'customer.phones[0]')].code").isEqualTo("phone-format");
        assertThat(customersOf(tenant)).isZero();
        assertThat(serviceEventsOf(tenant)).isZero();
    }

    @Test
    void aBatchRecordsGoodItemsAndReportsBadOnesItemByItem() {
        String tenant = tenant();
        String partner = "crm-" + tenant;
        String secret = registerPartner(tenant, partner);
        String good = new String(dischargeBody("B-1", "13800000201"), StandardCharsets.UTF_8);
        String good2 = new String(dischargeBody("B-2", "13800000202"), StandardCharsets.UTF_8);
        String batch = "[{\"eventId\":\"b-1\",\"event\":" + good + "},"
                + "{\"eventId\":\"b-2\",\"event\":{\"type\":\"NOPE\",\"occurredAt\":\"2025-01-01T00:00:00Z\",\"customer\":{\"ref\":\"B-9\"}}},"
                + "{\"eventId\":\"b-1\",\"event\":" + good + "},"
                + "{\"eventId\":\"b-3\",\"event\":" + good2 + "},"
                + "42]";
        JsonNode results = push("/api/partner/events/batch", partner, secret, "batch-1", now(),
                batch.getBytes(StandardCharsets.UTF_8))
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(results).hasSize(5);
        assertThat(results.get(0).get("status").asText()).isEqualTo("RECORDED");
        assertThat(results.get(1).get("status").asText()).isEqualTo("REJECTED");
        assertThat(results.get(1).get("errors").get(0).get("field").asText()).isEqualTo("type");
        assertThat(results.get(2).get("status").asText()).isEqualTo("DUPLICATE");
        assertThat(results.get(2).get("serviceEventId").asText()).isEqualTo(results.get(0).get("serviceEventId").asText());
        assertThat(results.get(3).get("status").asText()).isEqualTo("RECORDED");
        assertThat(results.get(4).get("status").asText()).isEqualTo("REJECTED");
        assertThat(serviceEventsOf(tenant)).isEqualTo(2);
        assertThat(customersOf(tenant)).isEqualTo(2);

        // the same batch again: every item is a replay
        JsonNode again = push("/api/partner/events/batch", partner, secret, "batch-1", now(),
                batch.getBytes(StandardCharsets.UTF_8))
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(again.get(0).get("status").asText()).isEqualTo("DUPLICATE");
        assertThat(again.get(3).get("status").asText()).isEqualTo("DUPLICATE");
        assertThat(serviceEventsOf(tenant)).isEqualTo(2);
    }

    @Test
    void anOversizedBodyIsA413Problem() {
        String tenant = tenant();
        String partner = "his-" + tenant;
        String secret = registerPartner(tenant, partner);
        byte[] huge = ("[" + "\"x\",".repeat(400_000) + "\"x\"]").getBytes(StandardCharsets.UTF_8);
        push("/api/partner/events/batch", partner, secret, "big", now(), huge)
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(serviceEventsOf(tenant)).isZero();
    }

    @Test
    void partnerSecretsAreStoredEncrypted() {
        String tenant = tenant();
        String partner = "his-" + tenant;
        String secret = registerPartner(tenant, partner);
        Document raw = mongo.findById(partner, Document.class, "partner_credentials").block();
        assertThat(raw.getString("secret")).startsWith("v1:").doesNotContain(secret);
        // a second registration of the id (here by another tenant) neither succeeds nor replaces the secret
        post(token(tenant(), "admin", "ADMIN"), "/api/partners", java.util.Map.of("partnerId", partner, "name", "x"))
                .exchange().expectStatus().isEqualTo(409);
        assertThat(mongo.findById(partner, Document.class, "partner_credentials").block().getString("secret"))
                .isEqualTo(raw.getString("secret"));
        http.get().uri("/api/partners").headers(h -> h.setBearerAuth(token(tenant, "admin", "ADMIN"))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[0].partnerId").isEqualTo(partner)
                .jsonPath("$[0].secret").doesNotExist();
        http.get().uri("/api/partners").headers(h -> h.setBearerAuth(token(tenant(), "admin", "ADMIN"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void eventsOnThePartnerTopicEnterTheSameIntakeOnce() {
        String tenant = tenant();
        String partner = "erp-" + tenant;
        registerPartner(tenant, partner);
        String payload = "{\"partnerId\":\"" + partner + "\",\"eventId\":\"k-1\","
                + new String(dischargeBody("K-1", "13800000301"), StandardCharsets.UTF_8).substring(1);
        String envelope = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"PartnerServiceEvent\",\"schemaVersion\":1,"
                + "\"tenantId\":\"" + tenant + "\",\"occurredAt\":\"" + Instant.now() + "\",\"correlationId\":\"c-1\","
                + "\"key\":\"K-1\",\"payload\":" + payload + "}";
        // the same event twice, under two envelope ids (a partner's retry): recorded once
        String retry = envelope.replaceFirst("\"eventId\":\"[^\"]+\"", "\"eventId\":\"" + UUID.randomUUID() + "\"");
        // a record naming a partner of another tenant is not accepted
        String foreign = envelope.replace("\"tenantId\":\"" + tenant + "\"", "\"tenantId\":\"" + tenant() + "\"");
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(Topics.PARTNER_EVENTS, "K-1", foreign));
            producer.send(new ProducerRecord<>(Topics.PARTNER_EVENTS, "K-1", envelope));
            producer.send(new ProducerRecord<>(Topics.PARTNER_EVENTS, "K-1", retry));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> serviceEventsOf(tenant) == 1);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> serviceEventsOf(tenant) == 1);
        Document event = mongo.findOne(Query.query(Criteria.where("tenantId").is(tenant)), Document.class,
                "service_events").block();
        assertThat(event.getString("source")).isEqualTo("PARTNER_KAFKA");
        assertThat(event.getString("partnerEventId")).isEqualTo("k-1");
        assertThat(customersOf(tenant)).isEqualTo(1);
    }

    @Test
    void aTenantsOwnEventTypesAndCategoriesAreEnforcedForItAlone() {
        String tenant = tenant();
        String partner = "his-" + tenant;
        String secret = registerPartner(tenant, partner);
        String admin = token(tenant, "admin", "ADMIN");
        http.put().uri("/api/customers/codes").headers(h -> h.setBearerAuth(token(tenant, "sup", "SUPERVISOR")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("categories", List.of("住院"), "serviceEventTypes", List.of("CHECKUP")))
                .exchange().expectStatus().isForbidden();
        http.put().uri("/api/customers/codes").headers(h -> h.setBearerAuth(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("categories", List.of("住院", "a,b"), "serviceEventTypes", List.of("checkup")))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(2);
        http.put().uri("/api/customers/codes").headers(h -> h.setBearerAuth(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("categories", List.of("住院", "体检"), "defaultCategory", "体检",
                        "serviceEventTypes", List.of("DISCHARGED", "CHECKUP")))
                .exchange().expectStatus().isOk();

        byte[] checkup = new String(dischargeBody("C-1", "13800000401"), StandardCharsets.UTF_8)
                .replace("DISCHARGED", "CHECKUP").getBytes(StandardCharsets.UTF_8);
        push("/api/partner/events", partner, secret, "c-1", now(), checkup).expectStatus().isAccepted();
        byte[] installed = new String(dischargeBody("C-2", "13800000402"), StandardCharsets.UTF_8)
                .replace("DISCHARGED", "INSTALLED").getBytes(StandardCharsets.UTF_8);
        push("/api/partner/events", partner, secret, "c-2", now(), installed).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("type");
        assertThat(serviceEventsOf(tenant)).isEqualTo(1);

        // other tenants keep the default codes
        String other = tenant();
        String otherSecret = registerPartner(other, "his-" + other);
        push("/api/partner/events", "his-" + other, otherSecret, "c-2", now(), installed).expectStatus().isAccepted();
        http.get().uri("/api/customers/codes").headers(h -> h.setBearerAuth(token(other, "agent", "AGENT"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.defaultCategory").isEqualTo("普通客户");
    }

    @Test
    void theSignatureSchemeIsHexHmacOverIdTimestampAndBody() {
        // the scheme partners implement: lower-case hex HMAC-SHA256 of "eventId.timestamp.body"
        String signature = PartnerAuthenticator.sign("secret", "evt-1", 1_700_000_000L, "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(signature).matches("[0-9a-f]{64}")
                .isEqualTo(hmacHex("secret", "evt-1.1700000000.{}"));
    }

    private static String hmacHex(String key, String data) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
