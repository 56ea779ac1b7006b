package com.huifang.customer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.AuditRecorded;
import com.huifang.contracts.events.CustomerProfileChanged;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** What customer-service tells other services: the masked profile copy and the shared audit trail. */
class CustomerEventsAndAuditTests extends CustomerServiceIntegrationTest {

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    /** Five digits in a row: more than any mask shows (138****1234 shows 3, then 4). */
    private static final Pattern UNMASKED_DIGITS = Pattern.compile("\\d{5,}");

    static Map<String, Object> customer(String name, String title, String phone) {
        return Map.of("name", name, "title", title, "category", "门诊", "staffIds", List.of("s-1"),
                "preferredHours", List.of("10:00-12:00"), "householdId", "hh-1",
                "phones", List.of(Map.of("number", phone, "primary", true)), "idNumber", "11010519491231002X");
    }

    private static List<EventEnvelope> envelopes(List<String> records, String type) {
        return records.stream().map(EventJson::read).filter(e -> e.type().equals(type)).toList();
    }

    private static JsonSchema schema(String resource) {
        return SCHEMAS.getSchema(CustomerEventsAndAuditTests.class.getResourceAsStream(resource));
    }

    @Test
    void createThenUpdatePublishesTwoMaskedSchemaValidProfileCopiesWithIncreasingVersions() throws Exception {
        String tenant = tenant();
        String sup = token(tenant, "sup-1", "SUPERVISOR");
        try (KafkaConsumer<String, String> consumer = consumer(Topics.CUSTOMERS)) {
            JsonNode created = createCustomer(sup, customer("张伟", "先生", "13812345678"));
            String id = created.get("id").asText();
            assertThat(created.get("salutation").asText()).isEqualTo("张先生");
            http.put().uri("/api/customers/{id}", id).headers(h -> h.setBearerAuth(sup)).header("If-Match", "\"0\"")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(customer("张伟", "先生", "13912345678"))
                    .exchange().expectStatus().isOk();

            List<EventEnvelope> events = envelopes(recordsContaining(consumer, id, 2, Duration.ofSeconds(30)),
                    "CustomerProfileChanged");

            assertThat(events).hasSize(2);
            JsonSchema payloadSchema = schema("/schemas/CustomerProfileChanged.v1.json");
            JsonSchema envelopeSchema = schema("/schemas/EventEnvelope.v1.json");
            for (EventEnvelope e : events) {
                JsonNode json = EventJson.mapper().valueToTree(e);
                assertThat(envelopeSchema.validate(EventJson.mapper().readTree(EventJson.write(e)))).isEmpty();
                assertThat(payloadSchema.validate(json.get("payload"))).isEmpty();
                assertThat(e.tenantId()).isEqualTo(tenant);
                assertThat(e.key()).isEqualTo(id);
                // the payload but its ids (random UUIDs may hold digit runs)
                String personal = json.get("payload").deepCopy().toString().replace(id, "");
                assertThat(UNMASKED_DIGITS.matcher(personal).find()).as(personal).isFalse();
            }
            List<CustomerProfileChanged> copies = events.stream()
                    .map(e -> EventJson.payload(e, CustomerProfileChanged.class)).toList();
            assertThat(copies).extracting(CustomerProfileChanged::version).containsExactly(0, 1);
            assertThat(copies).extracting(CustomerProfileChanged::maskedPhone).containsExactly("138****5678", "139****5678");
            assertThat(copies.get(1).salutation()).isEqualTo("张先生");
            assertThat(copies.get(1).title()).isEqualTo("先生");
            assertThat(copies.get(1).preferredHours()).containsExactly("10:00-12:00");
            assertThat(copies.get(1).household()).isEqualTo("hh-1");
            assertThat(copies.get(1).staffIds()).containsExactly("s-1");
        }
    }

    @Test
    void aPartnerCreatedCustomerIsPublishedAsAProfileCopyToo() {
        String tenant = tenant();
        String secret = registerPartner(tenant, "his-copy");
        try (KafkaConsumer<String, String> consumer = consumer(Topics.CUSTOMERS)) {
            String customerId = push("/api/partner/events", "his-copy", secret, "evt-1", now(),
                    dischargeBody("P-1", "13712340000"))
                    .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody()
                    .get("customerId").asText();
            List<EventEnvelope> events = envelopes(recordsContaining(consumer, customerId, 1, Duration.ofSeconds(30)),
                    "CustomerProfileChanged");
            assertThat(events).hasSize(1);
            CustomerProfileChanged copy = EventJson.payload(events.get(0), CustomerProfileChanged.class);
            assertThat(copy.maskedPhone()).isEqualTo("137****0000");
            assertThat(copy.salutation()).isEqualTo("张三");
            assertThat(copy.staffIds()).contains("dr-zhou");
        }
    }

    @Test
    void everyAuditedActionWritesOneSharedEntryWithItsActorAndNoPlaintextPersonalData() {
        String tenant = tenant();
        String admin = token(tenant, "admin-1", "ADMIN");
        String sup = token(tenant, "sup-1", "SUPERVISOR");
        String agent = token(tenant, "agent-1", "AGENT");
        try (KafkaConsumer<String, String> consumer = consumer(Topics.AUDIT)) {
            String id = createCustomer(agent, customer("刘洋", "女士", "13612340000")).get("id").asText();
            post(sup, "/api/customers/" + id + "/reveal", Map.of("field", "ID_NUMBER", "reason", "核实身份后回访"))
                    .exchange().expectStatus().isOk();
            post(sup, "/api/customers/" + id + "/reveal", Map.of("field", "PHONE", "reason", "客户要求回电 13612340000"))
                    .exchange().expectStatus().isOk();
            http.put().uri("/api/customers/{id}/consent", id).headers(h -> h.setBearerAuth(agent))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("channels", Map.of("PHONE", "OPTED_OUT"), "source", "CUSTOMER_REQUEST"))
                    .exchange().expectStatus().isOk();
            String secret = registerPartner(tenant, "crm-audit");
            String rotated = post(admin, "/api/partners/crm-audit/secret", Map.of()).exchange().expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody().get("secret").asText();
            post(sup, "/api/customers/" + id + "/erasure", Map.of("requestId", "req-audit")).exchange()
                    .expectStatus().isOk();

            List<AuditRecorded> entries = recordsContaining(consumer, tenant, 6, Duration.ofSeconds(30)).stream()
                    .map(EventJson::read).filter(e -> e.tenantId().equals(tenant))
                    .map(e -> EventJson.payload(e, AuditRecorded.class)).toList();

            assertThat(entries).extracting(AuditRecorded::action).containsExactlyInAnyOrder(
                    "customer.id_number.revealed", "customer.phone.revealed", "customer.consent.changed",
                    "partner.registered", "partner.secret.rotated", "customer.erasure.requested");
            assertThat(entries).allSatisfy(a -> {
                assertThat(a.service()).isEqualTo("customer-service");
                assertThat(a.toString()).doesNotContain("13612340000").doesNotContain("11010519491231002X")
                        .doesNotContain(secret).doesNotContain(rotated);
            });
            AuditRecorded reveal = entries.stream().filter(a -> a.action().equals("customer.phone.revealed"))
                    .findFirst().orElseThrow();
            assertThat(reveal.actor()).isEqualTo("sup-1");
            assertThat(reveal.actorRole()).isEqualTo("SUPERVISOR");
            assertThat(reveal.targetId()).isEqualTo(id);
            assertThat(reveal.reason()).isEqualTo("客户要求回电 136****0000");
            AuditRecorded consent = entries.stream().filter(a -> a.action().equals("customer.consent.changed"))
                    .findFirst().orElseThrow();
            assertThat(consent.actor()).isEqualTo("agent-1");
            assertThat(consent.actorRole()).isEqualTo("AGENT");
            assertThat(consent.before()).containsEntry("optedOut", "");
            assertThat(consent.after()).containsEntry("optedOut", "PHONE");
            assertThat(entries).filteredOn(a -> a.targetType().equals("partner"))
                    .allSatisfy(a -> assertThat(a.actorRole()).isEqualTo("ADMIN"));
            assertThat(entries).filteredOn(a -> a.action().equals("customer.erasure.requested"))
                    .singleElement().satisfies(a -> assertThat(a.actor()).isEqualTo("sup-1"));
        }
    }

    @Test
    void aRevealKeepsItsLocalEntryBesideTheSharedOne() {
        String tenant = tenant();
        String sup = token(tenant, "sup-1", "SUPERVISOR");
        String id = createCustomer(sup, customer("周敏", "女士", "13612349999")).get("id").asText();
        post(sup, "/api/customers/" + id + "/reveal", Map.of("field", "PHONE", "reason", "客户投诉回电核实"))
                .exchange().expectStatus().isOk();
        http.get().uri("/api/customers/reveal-audit?customerId={id}", id).headers(h -> h.setBearerAuth(sup)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(1);
    }

    @Test
    void afterARotationTheNewSecretAndForADayTheOldOneAreAccepted() {
        String tenant = tenant();
        String old = registerPartner(tenant, "his-rot");
        String fresh = post(token(tenant, "admin-1", "ADMIN"), "/api/partners/his-rot/secret", Map.of()).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("secret").asText();
        assertThat(fresh).isNotEqualTo(old);
        push("/api/partner/events", "his-rot", fresh, "rot-1", now(), dischargeBody("R-1", "13512340001"))
                .expectStatus().isAccepted();
        push("/api/partner/events", "his-rot", old, "rot-2", now(), dischargeBody("R-2", "13512340002"))
                .expectStatus().isAccepted();
        post(token(tenant, "sup-1", "SUPERVISOR"), "/api/partners/his-rot/secret", Map.of()).exchange()
                .expectStatus().isForbidden();
        post(token(tenant(), "admin-x", "ADMIN"), "/api/partners/his-rot/secret", Map.of()).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void anErasureRequestIsVisibleAsPublishedAndPendingUntilTheOtherServicesConfirm() {
        String tenant = tenant();
        String sup = token(tenant, "sup-1", "SUPERVISOR");
        String id = createCustomer(sup, customer("陈静", "女士", "13412340000")).get("id").asText();
        http.get().uri("/api/customers/{id}/erasure", id).headers(h -> h.setBearerAuth(sup)).exchange()
                .expectStatus().isNotFound();

        post(sup, "/api/customers/" + id + "/erasure", Map.of("requestId", "req-status")).exchange().expectStatus().isOk();
        // a repeated request continues the first and writes nothing twice
        post(sup, "/api/customers/" + id + "/erasure", Map.of("requestId", "req-other")).exchange().expectStatus().isOk();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                http.get().uri("/api/customers/{id}/erasure", id).headers(h -> h.setBearerAuth(sup)).exchange()
                        .expectStatus().isOk().expectBody()
                        .jsonPath("$.state").isEqualTo("PUBLISHED"));
        http.get().uri("/api/customers/{id}/erasure", id).headers(h -> h.setBearerAuth(token(tenant, "aud-1", "AUDITOR")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.requestId").isEqualTo("req-status")
                .jsonPath("$.status").isEqualTo("PENDING")
                .jsonPath("$.requestedBy").isEqualTo("sup-1")
                .jsonPath("$.anonymisedAt").isNotEmpty()
                .jsonPath("$.pendingServices.length()").isEqualTo(4);
        http.get().uri("/api/customers/{id}/erasure", id).headers(h -> h.setBearerAuth(token(tenant, "agent-1", "AGENT")))
                .exchange().expectStatus().isForbidden();
        http.get().uri("/api/customers/{id}/erasure", id)
                .headers(h -> h.setBearerAuth(token(tenant(), "sup-x", "SUPERVISOR"))).exchange()
                .expectStatus().isNotFound();
        try (KafkaConsumer<String, String> consumer = consumer(Topics.CUSTOMERS)) {
            assertThat(envelopes(recordsContaining(consumer, id, 1, Duration.ofSeconds(20)), "CustomerErased"))
                    .hasSize(1);
        }
    }

}
