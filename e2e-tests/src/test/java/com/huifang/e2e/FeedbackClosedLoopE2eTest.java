package com.huifang.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.customer.partner.PartnerAuthenticator;
import com.huifang.testsupport.MutableClock;
import com.huifang.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * The closed loop of an issue across services, through the gateway and Kafka: a complaint is raised,
 * handled and resolved (feedback-service publishes {@code IssueResolved}); schedule-service plans a re-contact
 * visit (plan {@code issue-recontact}) that falls due in an agent's worklist; the agent calls and the customer
 * answers the survey (survey-service publishes {@code SurveySubmitted}); satisfied closes the issue,
 * dissatisfied reopens it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedbackClosedLoopE2eTest {

    static final String TENANT = "furniture-" + UUID.randomUUID().toString().substring(0, 6);
    static final Instant INSTALLED = Instant.parse("2026-03-02T02:00:00Z"); // Monday 10:00 in Shanghai

    HuifangStack stack;
    WebTestClient http;
    String customerId;

    @BeforeAll
    void startStack() {
        stack = HuifangStack.start(TestInfrastructure.kafkaBootstrapServers(), TestInfrastructure.mongoUri(),
                new MutableClock(INSTALLED.plusSeconds(600)));
        http = WebTestClient.bindToServer().baseUrl(stack.gatewayUrl()).responseTimeout(Duration.ofSeconds(20)).build();
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    String token(String user, String... roles) {
        return TestInfrastructure.TOKENS.mint(TENANT, user, user, List.of(roles), Instant.now(), Duration.ofHours(1));
    }

    @Test
    @Order(1)
    void aCustomerArrivesFromThePartnerSystem() {
        String secret = http.post().uri("/api/partners").headers(h -> h.setBearerAuth(token("admin-1", "ADMIN")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("partnerId", "erp-" + TENANT, "name", "家具 ERP"))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("secret").asText();
        byte[] body = ("{\"type\":\"INSTALLED\",\"occurredAt\":\"" + INSTALLED + "\","
                + "\"customer\":{\"ref\":\"K-0001\",\"name\":\"李四\",\"category\":\"新签约\","
                + "\"staffIds\":[\"installer-7\"]}}").getBytes(StandardCharsets.UTF_8);
        long ts = stack.clock.instant().getEpochSecond();
        http.post().uri("/api/partner/events").contentType(MediaType.APPLICATION_JSON)
                .header("X-Huifang-Partner", "erp-" + TENANT)
                .header("X-Huifang-Event-Id", "evt-install-1")
                .header("X-Huifang-Timestamp", Long.toString(ts))
                .header("X-Huifang-Signature", PartnerAuthenticator.sign(secret, "evt-install-1", ts, body))
                .bodyValue(body).exchange().expectStatus().isAccepted();
        JsonNode customers = await().atMost(Duration.ofSeconds(30)).until(() -> http.get().uri("/api/customers")
                .headers(h -> h.setBearerAuth(token("sup-wang", "SUPERVISOR"))).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody(), c -> c.path("total").asInt() == 1);
        customerId = customers.findValue("id").asText();
    }

    @Test
    @Order(2)
    void aResolvedComplaintIsConfirmedByTheReContactVisitAndClosed() {
        String id = resolvedComplaint();
        String visitId = reContactVisitInWorklist(id);
        callAndAnswer(visitId, 5, "师傅上门修好了");
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(issue(id).get("state").asText())
                .isEqualTo("CLOSED"));
        JsonNode audit = http.get().uri("/api/issues/{id}/audit", id).headers(h -> h.setBearerAuth(supervisor()))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(audit.findValuesAsText("action")).contains("RESOLVE", "CONFIRM", "CLOSE");
    }

    @Test
    @Order(3)
    void aDissatisfiedReContactReopensTheIssue() {
        String id = resolvedComplaint();
        String visitId = reContactVisitInWorklist(id);
        callAndAnswer(visitId, 1, "还是关不上");
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            JsonNode issue = issue(id);
            assertThat(issue.get("state").asText()).isEqualTo("IN_PROGRESS");
            assertThat(issue.get("reopenCount").asInt()).isEqualTo(1);
        });
    }

    private String supervisor() {
        return token("sup-wang", "SUPERVISOR");
    }

    private JsonNode issue(String id) {
        return http.get().uri("/api/issues/{id}", id).headers(h -> h.setBearerAuth(supervisor())).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private String resolvedComplaint() {
        String handler = token("handler-li", "HANDLER");
        String id = http.post().uri("/api/issues").headers(h -> h.setBearerAuth(handler))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("category", "DELIVERY", "description", "少送了一块门板", "customerId", customerId,
                        "staffIds", List.of("installer-7")))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
        for (String action : List.of("acknowledge", "start")) {
            http.post().uri("/api/issues/{id}/{a}", id, action).headers(h -> h.setBearerAuth(handler)).exchange()
                    .expectStatus().isOk();
        }
        http.post().uri("/api/issues/{id}/resolve", id).headers(h -> h.setBearerAuth(handler))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("note", "门板已补送并安装"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("RESOLVED");
        return id;
    }

    /** schedule-service plans the re-contact visit; feedback links it; moved forward, it falls due. */
    private String reContactVisitInWorklist(String issueId) {
        await().atMost(Duration.ofSeconds(40)).until(() -> !issue(issueId).path("reContactVisitId").asText("").isEmpty());
        String visitId = issue(issueId).get("reContactVisitId").asText();
        String agent = token("agent-li", "AGENT");
        for (int day = 0; day < 10; day++) {
            JsonNode worklist = http.get().uri("/api/worklist").headers(h -> h.setBearerAuth(agent)).exchange()
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            for (JsonNode v : worklist) {
                if (visitId.equals(v.get("id").asText())) {
                    assertThat(v.get("planId").asText()).isEqualTo("issue-recontact");
                    return visitId;
                }
            }
            stack.clock.advance(Duration.ofDays(1));
            await().pollDelay(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).until(() -> true);
        }
        throw new AssertionError("re-contact visit " + visitId + " never reached the worklist");
    }

    private void callAndAnswer(String visitId, int satisfaction, String comment) {
        String agent = token("agent-li", "AGENT");
        http.post().uri("/api/visits/{id}/attempts", visitId).headers(h -> h.setBearerAuth(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("outcome", "REACHED", "ringSeconds", 6, "durationSeconds", 120, "completeVisit", true))
                .exchange().expectStatus().isCreated();
        await().atMost(Duration.ofSeconds(30)).until(() -> http.post().uri("/api/surveys/responses")
                .headers(h -> h.setBearerAuth(agent)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("visitId", visitId, "answers", Map.of("satisfaction", satisfaction, "comment", comment)))
                .exchange().returnResult(String.class).getStatus().value() == 201);
    }
}
