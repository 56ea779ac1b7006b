package com.huifang.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.contracts.Topics;
import com.huifang.customer.partner.PartnerAuthenticator;
import com.huifang.testsupport.MutableClock;
import com.huifang.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The walking skeleton through the gateway, on a real broker and a real store: a partner's
 * discharge event becomes a customer, a planned visit, a due visit in an agent's worklist, a
 * completed call with a score of 1 of 5, an issue a supervisor sees, and figures in a report.
 * Subclasses choose the infrastructure (embedded here, containers where Docker exists).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class WalkingSkeletonFlow {

    static final String TENANT = "hospital-" + UUID.randomUUID().toString().substring(0, 6);
    static final Instant DISCHARGE = Instant.parse("2026-03-02T06:30:00Z"); // Monday 14:30 in Shanghai

    HuifangStack stack;
    WebTestClient http;
    String partnerSecret;

    abstract String kafkaBootstrapServers();

    abstract String mongoUri();

    @BeforeAll
    void startStack() {
        stack = HuifangStack.start(kafkaBootstrapServers(), mongoUri(), new MutableClock(DISCHARGE.plusSeconds(3600)));
        http = WebTestClient.bindToServer().baseUrl(stack.gatewayUrl()).responseTimeout(Duration.ofSeconds(20)).build();
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    String token(String user, String... roles) {
        return TestInfrastructure.TOKENS.mint(TENANT, user, user, List.of(roles), Instant.now(),
                Duration.ofHours(1));
    }

    @Test
    @Order(1)
    void adminRegistersThePartnerHospitalSystem() {
        JsonNode registered = http.post().uri("/api/partners")
                .headers(h -> h.setBearerAuth(token("admin-1", "ADMIN")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("partnerId", "his-" + TENANT, "name", "医院 HIS"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        partnerSecret = registered.get("secret").asText();
        assertThat(partnerSecret).hasSizeGreaterThanOrEqualTo(64);
    }

    @Test
    @Order(2)
    void aWronglySignedPushIsRejectedAndStoresNothing() {
        byte[] body = dischargeBody("P-WRONG");
        long ts = stack.clock.instant().getEpochSecond();
        http.post().uri("/api/partner/events")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Huifang-Partner", "his-" + TENANT)
                .header("X-Huifang-Event-Id", "evt-wrong")
                .header("X-Huifang-Timestamp", Long.toString(ts))
                .header("X-Huifang-Signature", PartnerAuthenticator.sign("not-the-secret", "evt-wrong", ts, body))
                .bodyValue(body)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/customers").headers(h -> h.setBearerAuth(token("sup-1", "SUPERVISOR")))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    @Order(3)
    void aPoisonMessageGoesToTheDeadLetterTopicAndDoesNotBlockTheConsumer() {
        String poison = "{not an event " + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.CUSTOMERS, "poison", poison));
        }
        try (KafkaConsumer<String, String> dlt = consumer(Topics.deadLetterOf(Topics.CUSTOMERS))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : dlt.poll(Duration.ofMillis(500))) {
                    if (poison.equals(r.value())) {
                        return true;
                    }
                }
                return false;
            });
        }
    }

    @Test
    @Order(4)
    void aDischargeBecomesAVisitThatFallsDueIsCalledScoredRaisesAnIssueAndIsReported() {
        // a partner pushes a discharge, twice (a retry): one customer, one event
        byte[] body = dischargeBody("P-0001");
        for (int i = 0; i < 2; i++) {
            push("evt-0001", body).expectStatus().isAccepted()
                    .expectBody().jsonPath("$.status").isEqualTo(i == 0 ? "RECORDED" : "DUPLICATE");
        }
        String agent = token("agent-li", "AGENT");
        String supervisor = token("sup-wang", "SUPERVISOR");
        http.get().uri("/api/customers").headers(h -> h.setBearerAuth(supervisor)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(1);

        // nothing is due yet; a week later the visit is in the worklist
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(worklist(agent)).isEmpty());
        stack.clock.advance(Duration.ofDays(7));
        JsonNode visit = await().atMost(Duration.ofSeconds(30)).until(() -> worklist(agent), w -> w.size() == 1).get(0);
        assertThat(visit.get("planId").asText()).isEqualTo("hospital-inpatient");
        String visitId = visit.get("id").asText();

        // the agent reaches the patient, who rates the nurses 1 of 5 (hospital-inpatient seed template)
        http.post().uri("/api/visits/{id}/attempts", visitId).headers(h -> h.setBearerAuth(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("outcome", "REACHED", "ringSeconds", 8, "durationSeconds", 240, "completeVisit", true))
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.state").isEqualTo("COMPLETED");
        await().atMost(Duration.ofSeconds(30)).until(() -> http.post().uri("/api/surveys/responses")
                .headers(h -> h.setBearerAuth(agent)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("visitId", visitId, "answers", Map.of("recovery", "good", "symptom", false,
                        "doctors", 4, "nurses", 1, "suggestions", "护士态度不好")))
                .exchange().returnResult(String.class).getStatus().value() == 201);

        // feedback raises an issue the supervisor sees
        JsonNode issues = await().atMost(Duration.ofSeconds(30)).until(() -> http.get().uri("/api/issues")
                .headers(h -> h.setBearerAuth(supervisor)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody(), list -> list.size() == 1);
        assertThat(issues.get(0).get("visitId").asText()).isEqualTo(visitId);
        assertThat(issues.get(0).get("state").asText()).isEqualTo("OPEN");

        // and the report counts one due, one completed, one issue (reports are eventually consistent: a
        // month's figures are reloaded at most 30 s after its facts change)
        LocalDate day = stack.clock.instant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> http.get()
                .uri(u -> u.path("/api/reports/summary").queryParam("from", day.minusDays(1))
                        .queryParam("to", day.plusDays(1)).build())
                .headers(h -> h.setBearerAuth(supervisor)).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.due").isEqualTo(1)
                .jsonPath("$.completed").isEqualTo(1)
                .jsonPath("$.issues").isEqualTo(1));
    }

    @Test
    @Order(5)
    void anotherTenantSeesNoneOfIt() {
        String other = TestInfrastructure.TOKENS.mint("other-" + TENANT, "sup-x", "sup-x", List.of("SUPERVISOR"),
                Instant.now(), Duration.ofHours(1));
        http.get().uri("/api/customers").headers(h -> h.setBearerAuth(other)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
        http.get().uri("/api/issues").headers(h -> h.setBearerAuth(other)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        http.get().uri("/api/worklist").headers(h -> h.setBearerAuth(other)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    @Order(6)
    void anUnknownRouteIsA404Problem() {
        http.get().uri("/no/such/thing").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404).jsonPath("$.code").isEqualTo("not-found");
    }

    @Test
    @Order(7)
    void missingInvalidAndExpiredTokensAre401ProblemsAtTheGatewayAndAtEachService() {
        String expired = TestInfrastructure.TOKENS.mint(TENANT, "sup-1", "sup-1", List.of("SUPERVISOR"),
                Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(1));
        String forged = new com.huifang.local.DevTokens("another-secret-another-secret-another-secret")
                .mint(TENANT, "sup-1", List.of("SUPERVISOR"), Duration.ofHours(1));
        for (String auth : new String[] {null, "Bearer not-a-jwt", "Bearer " + expired, "Bearer " + forged}) {
            http.get().uri("/api/issues").headers(h -> {
                        if (auth != null) {
                            h.set("Authorization", auth);
                        }
                    }).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(401);
        }
        // behind the gateway every service checks the token itself
        for (String service : HuifangStack.SERVICES.keySet()) {
            WebTestClient direct = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + stack.port(service))
                    .responseTimeout(Duration.ofSeconds(30)).build();
            direct.get().uri("/api/worklist").exchange().expectStatus().isUnauthorized();
            direct.get().uri("/api/customers").header("Authorization", "Bearer " + forged).exchange()
                    .expectStatus().isUnauthorized();
        }
    }

    @Test
    @Order(8)
    void aTokenWithoutTenantIsRejected() {
        String noTenant = TestInfrastructure.TOKENS.mint(null, "x", "x", List.of("ADMIN"), Instant.now(),
                Duration.ofHours(1));
        http.get().uri("/api/customers").headers(h -> h.setBearerAuth(noTenant)).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    @Order(9)
    void malformedAndInvalidBodiesAre400ProblemsWithFieldErrorsInTheCallersLanguageAndStoreNothing() {
        String admin = token("admin-1", "ADMIN");
        http.post().uri("/api/partners").headers(h -> h.setBearerAuth(admin))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"partnerId\": ")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("malformed-request");
        http.post().uri("/api/partners").headers(h -> h.setBearerAuth(admin)).header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("partnerId", "Bad Id!", "name", ""))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().valueEquals("Content-Language", "en")
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("name")
                .jsonPath("$.errors[0].message").isEqualTo("must not be blank")
                .jsonPath("$.errors[1].field").isEqualTo("partnerId");
        http.post().uri("/api/partners").headers(h -> h.setBearerAuth(admin)).header("Accept-Language", "zh-CN")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("partnerId", "ok-id", "name", ""))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().valueEquals("Content-Language", "zh-CN")
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("不能为空白");
        // nothing was stored: the id is still free
        http.post().uri("/api/partners").headers(h -> h.setBearerAuth(admin))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("partnerId", "ok-id", "name", "CRM"))
                .exchange().expectStatus().isCreated();
    }

    @Test
    @Order(10)
    void anAgentMayNotRegisterPartnersNorListIssues() {
        String agent = token("agent-li", "AGENT");
        http.post().uri("/api/partners").headers(h -> h.setBearerAuth(agent))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("partnerId", "crm-2", "name", "CRM"))
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/issues").headers(h -> h.setBearerAuth(agent)).exchange().expectStatus().isForbidden();
    }

    @Test
    @Order(11)
    void everyServiceIsHealthyOnItsStoreAndExposesMetricsAndItsApi() {
        for (String service : HuifangStack.SERVICES.keySet()) {
            WebTestClient direct = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + stack.port(service))
                    .responseTimeout(Duration.ofSeconds(30)).build();
            // ready within a minute (a service of a stack that just worked hard may be busy for a while)
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                        .until(() -> "UP".equals(WebTestClient.bindToServer()
                                .baseUrl("http://127.0.0.1:" + stack.port(service))
                                .responseTimeout(Duration.ofSeconds(10)).build()
                                .get().uri("/actuator/health/readiness").exchange()
                                .expectBody(JsonNode.class).returnResult().getResponseBody().path("status").asText()));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError(service + " not ready within 60 s; " + diagnostics(service), e);
            }
            for (String path : List.of("/actuator/health/readiness", "/actuator/health/liveness", "/v3/api-docs")) {
                long started = System.nanoTime();
                try {
                    var body = direct.get().uri(path).exchange().expectStatus().isOk().expectBody();
                    if (path.endsWith("readiness")) {
                        body.jsonPath("$.status").isEqualTo("UP").jsonPath("$.components.mongo.status").isEqualTo("UP");
                    } else if (path.endsWith("api-docs")) {
                        body.jsonPath("$.openapi").exists();
                    }
                } catch (RuntimeException | AssertionError e) {
                    throw new AssertionError(service + " " + path + " after "
                            + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms", e);
                }
            }
        }
        http.get().uri("/v3/api-docs/schedule-service").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.paths['/api/worklist']").exists();
        http.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }

    @Test
    @Order(12)
    void correlationIdIsEchoedAndCarriedIntoProblems() {
        http.get().uri("/api/visits/nope").headers(h -> h.setBearerAuth(token("agent-li", "AGENT")))
                .header("X-Correlation-Id", "corr-12345").exchange()
                .expectStatus().isNotFound()
                .expectHeader().valueEquals("X-Correlation-Id", "corr-12345")
                .expectBody().jsonPath("$.correlationId").isEqualTo("corr-12345");
    }

    @Test
    @Order(13)
    void anErasureRequestIsHonouredByEveryServiceAndReportedCompleteWithNoPersonalDataLeft() {
        // issue 10 §2: the patient of step 4 (visit, survey with a comment, issue, report facts) asks to be erased
        String supervisor = token("sup-wang", "SUPERVISOR");
        String customerId = http.get().uri("/api/customers").headers(h -> h.setBearerAuth(supervisor)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("items").get(0).path("id").asText();
        http.post().uri("/api/customers/{id}/erasure", customerId).headers(h -> h.setBearerAuth(supervisor))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("requestId", "erase-" + TENANT))
                .exchange().expectStatus().isOk();

        JsonNode status = await().atMost(Duration.ofSeconds(60)).until(() -> http.get()
                .uri("/api/customers/{id}/erasure", customerId).headers(h -> h.setBearerAuth(supervisor)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody(),
                s -> "COMPLETE".equals(s.path("status").asText()));
        assertThat(status.path("pendingServices")).isEmpty();
        assertThat(status.path("confirmations").size()).as(status.toString()).isEqualTo(4);

        // no store of this stack holds the name, the comment or the partner's reference any more
        List<String> personal = List.of("张三", "护士态度不好", "P-0001");
        List<String> findings = new java.util.ArrayList<>();
        try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(mongoUri())) {
            for (String service : HuifangStack.SERVICES.keySet()) {
                var db = client.getDatabase(stack.database(service));
                for (String collection : db.listCollectionNames()) {
                    for (org.bson.Document d : db.getCollection(collection).find()) {
                        String text = d.toJson();
                        personal.stream().filter(text::contains).forEach(p ->
                                findings.add(service + "." + collection + " " + d.get("_id") + " holds " + p));
                    }
                }
            }
        }
        assertThat(findings).as("personal data left after a complete erasure").isEmpty();
        // the figures stay: the report still counts the visit and the issue
        LocalDate day = stack.clock.instant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
        http.get().uri(u -> u.path("/api/reports/summary").queryParam("from", day.minusDays(1))
                        .queryParam("to", day.plusDays(1)).build())
                .headers(h -> h.setBearerAuth(supervisor)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.due").isEqualTo(1).jsonPath("$.issues").isEqualTo(1);
    }

    /** The Mongo pool of a service and this JVM's busy threads, for a service that does not get ready. */
    private String diagnostics(String service) {
        StringBuilder out = new StringBuilder();
        WebTestClient direct = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + stack.port(service))
                .responseTimeout(Duration.ofSeconds(5)).build();
        for (String metric : List.of("mongodb.driver.pool.checkedout", "mongodb.driver.pool.waitqueuesize",
                "mongodb.driver.pool.size")) {
            try {
                out.append(metric).append('=').append(direct.get().uri("/actuator/metrics/" + metric).exchange()
                        .expectBody(JsonNode.class).returnResult().getResponseBody().path("measurements")).append("; ");
            } catch (RuntimeException | AssertionError e) {
                out.append(metric).append(": ").append(e).append("; ");
            }
        }
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getState() == Thread.State.RUNNABLE && stack.length > 0) {
                out.append("\n").append(thread.getName()).append(':');
                for (int i = 0; i < Math.min(12, stack.length); i++) {
                    out.append("\n    at ").append(stack[i]);
                }
            }
        });
        System.out.println("DIAGNOSTICS " + service + ": " + out);
        return out.length() > 2000 ? out.substring(0, 2000) + "…" : out.toString();
    }

    private WebTestClient.ResponseSpec push(String eventId, byte[] body) {
        long ts = stack.clock.instant().getEpochSecond();
        return http.post().uri("/api/partner/events")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Huifang-Partner", "his-" + TENANT)
                .header("X-Huifang-Event-Id", eventId)
                .header("X-Huifang-Timestamp", Long.toString(ts))
                .header("X-Huifang-Signature", PartnerAuthenticator.sign(partnerSecret, eventId, ts, body))
                .bodyValue(body)
                .exchange();
    }

    private static byte[] dischargeBody(String patientRef) {
        return ("{\"type\":\"DISCHARGED\",\"occurredAt\":\"" + DISCHARGE + "\","
                + "\"customer\":{\"ref\":\"" + patientRef + "\",\"name\":\"张三\",\"category\":\"住院\","
                + "\"staffIds\":[\"dr-zhou\"]},\"attributes\":{\"department\":\"骨科\"}}").getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode worklist(String agentToken) {
        return http.get().uri("/api/worklist").headers(h -> h.setBearerAuth(agentToken)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaProducer<>(p);
    }

    private KafkaConsumer<String, String> consumer(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        KafkaConsumer<String, String> c = new KafkaConsumer<>(p);
        List<org.apache.kafka.common.TopicPartition> partitions = c.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new org.apache.kafka.common.TopicPartition(topic, info.partition()))
                .toList();
        c.assign(partitions);
        c.seekToBeginning(partitions);
        return c;
    }
}
