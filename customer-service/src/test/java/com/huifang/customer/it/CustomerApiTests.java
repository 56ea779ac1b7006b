package com.huifang.customer.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.contracts.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

class CustomerApiTests extends CustomerServiceIntegrationTest {

    static Map<String, Object> customer(String name, String phone) {
        return Map.of("name", name, "category", "门诊", "tags", List.of("vip"), "staffIds", List.of("s-1"),
                "phones", List.of(Map.of("label", "手机", "number", phone, "primary", true)),
                "emails", List.of(Map.of("address", "li.si@example.com")),
                "idNumber", "11010519491231002X");
    }

    @Test
    void anAgentSeesMaskedPersonalDataAndTheStoreHoldsNoPlaintext() {
        String tenant = tenant();
        String agent = token(tenant, "agent-1", "AGENT");
        String id = createCustomer(agent, customer("李四", "138 1234 5678")).get("id").asText();

        http.get().uri("/api/customers/{id}", id).headers(h -> h.setBearerAuth(agent)).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody()
                .jsonPath("$.phones[0].value").isEqualTo("138****5678")
                .jsonPath("$.emails[0].value").isEqualTo("l***@example.com")
                .jsonPath("$.idNumber").isEqualTo("110***********002X");

        Document raw = mongo.findById(id, Document.class, "customers").block();
        assertThat(raw.toJson()).doesNotContain("13812345678").doesNotContain("li.si@example.com")
                .doesNotContain("11010519491231002X").contains("v1:dev-only-insecure:");
    }

    @Test
    void aSupervisorRevealsWithAReasonAndTheRevealIsAudited() {
        String tenant = tenant();
        String id = createCustomer(token(tenant, "agent-1", "AGENT"), customer("王五", "13912345678")).get("id").asText();

        post(token(tenant, "sup-1", "SUPERVISOR"), "/api/customers/" + id + "/reveal",
                Map.of("field", "PHONE", "reason", "客户投诉回电核实"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.values[0]").isEqualTo("139 1234 5678");

        JsonNode audit = http.get().uri("/api/customers/reveal-audit?customerId={id}", id)
                .headers(h -> h.setBearerAuth(token(tenant, "auditor-1", "AUDITOR"))).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(audit.get("total").asLong()).isEqualTo(1);
        JsonNode entry = audit.get("items").get(0);
        assertThat(entry.get("actorId").asText()).isEqualTo("sup-1");
        assertThat(entry.get("role").asText()).isEqualTo("SUPERVISOR");
        assertThat(entry.get("field").asText()).isEqualTo("PHONE");
        assertThat(entry.get("reason").asText()).isEqualTo("客户投诉回电核实");
        assertThat(entry.toString()).doesNotContain("12345678");
    }

    @Test
    void anAgentMayNotRevealNorReadTheAuditAndNothingIsAudited() {
        String tenant = tenant();
        String agent = token(tenant, "agent-1", "AGENT");
        String id = createCustomer(agent, customer("赵六", "13712345678")).get("id").asText();

        post(agent, "/api/customers/" + id + "/reveal", Map.of("field", "PHONE", "reason", "想看一下号码"))
                .exchange().expectStatus().isForbidden();
        post(token(tenant, "sup-1", "SUPERVISOR"), "/api/customers/" + id + "/reveal", Map.of("field", "PHONE", "reason", "看"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        http.get().uri("/api/customers/reveal-audit").headers(h -> h.setBearerAuth(agent)).exchange().expectStatus().isForbidden();
        http.get().uri("/api/customers/reveal-audit").headers(h -> h.setBearerAuth(token(tenant, "sup-1", "SUPERVISOR"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void staleUpdateIsRejectedAndNothingIsOverwritten() {
        String tenant = tenant();
        String sup = token(tenant, "sup-1", "SUPERVISOR");
        String id = createCustomer(sup, customer("钱七", "13612345678")).get("id").asText();

        http.put().uri("/api/customers/{id}", id).headers(h -> h.setBearerAuth(sup)).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(customer("钱七七", "13612345678"))
                .exchange().expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"");
        // a second writer still holding version 0
        http.put().uri("/api/customers/{id}", id).headers(h -> h.setBearerAuth(sup)).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(customer("覆盖者", "13612345678"))
                .exchange().expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.code").isEqualTo("stale-version");
        http.patch().uri("/api/customers/{id}", id).headers(h -> h.setBearerAuth(sup))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "覆盖者", "version", 0))
                .exchange().expectStatus().isEqualTo(409);
        http.patch().uri("/api/customers/{id}", id).headers(h -> h.setBearerAuth(sup))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "覆盖者"))
                .exchange().expectStatus().isEqualTo(428);
        http.get().uri("/api/customers/{id}", id).headers(h -> h.setBearerAuth(sup)).exchange()
                .expectBody().jsonPath("$.name").isEqualTo("钱七七").jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.phones[0].value").isEqualTo("136****5678");

        http.patch().uri("/api/customers/{id}", id).headers(h -> h.setBearerAuth(sup)).header("If-Match", "\"1\"")
                .contentType(MediaType.valueOf("application/merge-patch+json")).bodyValue(Map.of("tags", List.of("复诊")))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.tags[0]").isEqualTo("复诊").jsonPath("$.name").isEqualTo("钱七七");
    }

    @Test
    void theSamePhoneTwiceIsOneCustomer() {
        String tenant = tenant();
        String sup = token(tenant, "sup-1", "SUPERVISOR");
        String id = createCustomer(sup, customer("孙八", "+86 135-1234-5678")).get("id").asText();
        post(sup, "/api/customers", customer("孙八", "13512345678")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("duplicate-customer").jsonPath("$.existingId").isEqualTo(id);
        // another tenant may have the same person
        createCustomer(token(tenant(), "sup-2", "SUPERVISOR"), customer("孙八", "13512345678"));
    }

    @Test
    void invalidFieldsAreReportedWithPathsAndNothingIsStored() {
        String tenant = tenant();
        String sup = token(tenant, "sup-1", "SUPERVISOR");
        post(sup, "/api/customers", Map.of("name", "周九", "category", "不存在",
                "phones", List.of(Map.of("number", "12345")), "emails", List.of(Map.of("address", "not-mail"))))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'category')].code").isEqualTo("unknown-code")
                .jsonPath("$.errors[?(@.field == 'phones[0].number')].code").isEqualTo("phone-format")
                .jsonPath("$.errors[?(@.field == 'emails[0].address')].code").isEqualTo("email-format");
        http.get().uri("/api/customers").headers(h -> h.setBearerAuth(sup)).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void listFiltersByCategoryTagStaffAndAnyPartOfTheNameWithTotals() {
        String tenant = tenant();
        String sup = token(tenant, "sup-1", "SUPERVISOR");
        createCustomer(sup, Map.of("name", "张一", "category", "住院", "tags", List.of("vip"), "staffIds", List.of("dr-a"),
                "phones", List.of(Map.of("number", "13100000001"))));
        createCustomer(sup, Map.of("name", "张二", "category", "门诊", "tags", List.of("vip"),
                "phones", List.of(Map.of("number", "13100000002"))));
        createCustomer(sup, Map.of("name", "李三", "category", "门诊", "phones", List.of(Map.of("number", "13100000003"))));

        http.get().uri("/api/customers?category=门诊").headers(h -> h.setBearerAuth(sup)).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(2);
        http.get().uri("/api/customers?tag=vip&name=张").headers(h -> h.setBearerAuth(sup)).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(2);
        http.get().uri("/api/customers?staffId=dr-a").headers(h -> h.setBearerAuth(sup)).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].name").isEqualTo("张一");
        // the given name alone finds the customer too, and a regex is only ever text
        http.get().uri("/api/customers?name=三").headers(h -> h.setBearerAuth(sup)).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].name").isEqualTo("李三");
        http.get().uri("/api/customers?name={n}", ".*").headers(h -> h.setBearerAuth(sup)).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(0);
        http.get().uri("/api/customers?page=1&size=2").headers(h -> h.setBearerAuth(sup)).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(3).jsonPath("$.items.length()").isEqualTo(1);
    }

    @Test
    void aNameFilterWithAControlCharacterIsABadRequestNotAServerError() {
        // found by the 10,000-request hostile run: a NUL cannot be put in the store's regular expression
        String sup = token(tenant(), "sup-1", "SUPERVISOR");
        http.get().uri("/api/customers?name={n}", "张\u0000").headers(h -> h.setBearerAuth(sup)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void aConsentChangePublishesItsEvent() {
        String tenant = tenant();
        String agent = token(tenant, "agent-1", "AGENT");
        String id = createCustomer(agent, customer("吴十", "13412345678")).get("id").asText();
        try (KafkaConsumer<String, String> consumer = consumer(Topics.CUSTOMERS)) {
            http.put().uri("/api/customers/{id}/consent", id).headers(h -> h.setBearerAuth(agent))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("channels", Map.of("PHONE", "OPTED_OUT"), "source", "CUSTOMER_REQUEST"))
                    .exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.consent.channels.PHONE.status").isEqualTo("OPTED_OUT");
            List<String> all = recordsContaining(consumer, id, 2, Duration.ofSeconds(20));
            // consent has its own event: the profile copy is published once, by the create
            assertThat(all).filteredOn(e -> e.contains("\"type\":\"CustomerProfileChanged\"")).hasSize(1);
            List<String> events = all.stream()
                    .filter(e -> e.contains("\"type\":\"CustomerConsentChanged\"")).toList();
            assertThat(events).hasSize(1);
            assertThat(events.get(0)).contains("CustomerConsentChanged").contains("\"optedOutChannels\":[\"PHONE\"]");
        }
        http.put().uri("/api/customers/{id}/consent", id).headers(h -> h.setBearerAuth(agent))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("channels", Map.of("FAX", "OPTED_OUT")))
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void erasureLeavesNoPlaintextPersonalDataAndPublishesCustomerErased() {
        String tenant = tenant();
        String sup = token(tenant, "sup-1", "SUPERVISOR");
        String id = createCustomer(sup, customer("郑十一", "13312345678")).get("id").asText();
        post(token(tenant, "agent-1", "AGENT"), "/api/customers/" + id + "/erasure", Map.of())
                .exchange().expectStatus().isForbidden();
        try (KafkaConsumer<String, String> consumer = consumer(Topics.CUSTOMERS)) {
            post(sup, "/api/customers/" + id + "/erasure", Map.of("requestId", "req-1")).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.erased").isEqualTo(true).jsonPath("$.phones.length()").isEqualTo(0);
            assertThat(recordsContaining(consumer, id, 1, Duration.ofSeconds(20)))
                    .anyMatch(e -> e.contains("CustomerErased") && e.contains("req-1"));
        }
        Document raw = mongo.findById(id, Document.class, "customers").block();
        String json = raw.toJson();
        assertThat(json).doesNotContain("郑十一").doesNotContain("13312345678").doesNotContain("v1:")
                .doesNotContain("li.si").doesNotContain("phoneHashes\": [\"");
        assertThat(mongo.count(Query.query(Criteria.where("customerId").is(id)), "customer_keys").block()).isZero();
        // nowhere in the store: every document of every collection is scanned for the digits
        for (String collection : mongo.getCollectionNames().collectList().block()) {
            mongo.findAll(Document.class, collection).map(Document::toJson).toIterable()
                    .forEach(doc -> assertThat(doc).as(collection).doesNotContain("13312345678")
                            .doesNotContain("133 1234 5678").doesNotContain("郑十一"));
        }
        // the phone is free again: the person may come back as a new customer
        createCustomer(sup, customer("郑十一", "13312345678"));
    }

    @Test
    void anotherTenantSeesAndChangesNothing() {
        String tenant = tenant();
        String sup = token(tenant, "sup-1", "SUPERVISOR");
        String id = createCustomer(sup, customer("冯十二", "13212345678")).get("id").asText();
        String other = token(tenant(), "sup-x", "SUPERVISOR", "ADMIN");

        http.get().uri("/api/customers/{id}", id).headers(h -> h.setBearerAuth(other)).exchange().expectStatus().isNotFound();
        http.get().uri("/api/customers").headers(h -> h.setBearerAuth(other)).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(0);
        http.put().uri("/api/customers/{id}", id).headers(h -> h.setBearerAuth(other)).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(customer("篡改", "13212345678"))
                .exchange().expectStatus().isNotFound();
        http.put().uri("/api/customers/{id}/consent", id).headers(h -> h.setBearerAuth(other))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("doNotContact", true))
                .exchange().expectStatus().isNotFound();
        post(other, "/api/customers/" + id + "/reveal", Map.of("field", "PHONE", "reason", "越权查看测试"))
                .exchange().expectStatus().isNotFound();
        post(other, "/api/customers/" + id + "/erasure", Map.of()).exchange().expectStatus().isNotFound();
        http.get().uri("/api/customers/reveal-audit").headers(h -> h.setBearerAuth(other)).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(0);

        http.get().uri("/api/customers/{id}", id).headers(h -> h.setBearerAuth(sup)).exchange()
                .expectBody().jsonPath("$.name").isEqualTo("冯十二").jsonPath("$.version").isEqualTo(0)
                .jsonPath("$.erased").isEqualTo(false).jsonPath("$.consent.doNotContact").isEqualTo(false);
    }
}
