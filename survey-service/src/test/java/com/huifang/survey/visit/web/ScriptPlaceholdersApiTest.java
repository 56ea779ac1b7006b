package com.huifang.survey.visit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.HuifangEvent;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.CustomerErased;
import com.huifang.contracts.events.CustomerProfileChanged;
import com.huifang.contracts.events.ServiceEventRecorded;
import com.huifang.contracts.events.VisitPlanned;
import com.huifang.survey.SurveyServiceTestBase;
import com.huifang.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The script's placeholders filled from the copies survey-service keeps of customer events (huifang.customers) and
 * visit events (huifang.visits), both arriving over the real broker.
 */
class ScriptPlaceholdersApiTest extends SurveyServiceTestBase {

    /** 2026-03-03 10:00 in Shanghai: the script says 3月3日. */
    private static final Instant DISCHARGED = Instant.parse("2026-03-03T02:00:00Z");

    @Autowired
    private KafkaTemplate<String, String> kafka;

    private void publish(String topic, String tenant, HuifangEvent event) {
        try {
            kafka.send(topic, event.key(), EventJson.write(EventJson.envelope(event, tenant, "test-" + UUID.randomUUID(),
                    CLOCK.instant()))).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static CustomerProfileChanged profile(String customerId, String salutation, String title, int version) {
        return new CustomerProfileChanged(customerId, salutation, title, "138****1234", "住院", List.of("PHONE"),
                "PHONE", List.of(), null, List.of(), null, version, CLOCK.instant());
    }

    private static ServiceEventRecorded discharged(String serviceEventId, String customerId, Instant at) {
        return new ServiceEventRecorded(serviceEventId, customerId, "DISCHARGED", at, null, "住院", List.of(),
                "STAFF", null, Map.of());
    }

    /** Plans a hospital-inpatient visit of the customer for the service event, and waits for its copy. */
    private String plannedVisit(String tenant, String customerId, String serviceEventId) {
        String visitId = "v-" + UUID.randomUUID();
        publish(Topics.VISITS, tenant, new VisitPlanned(visitId, customerId, "plan-inpatient", 1, "main",
                serviceEventId, "hospital-inpatient", CLOCK.instant(), CLOCK.instant(), null, "PHONE", 3, "agent-li",
                false));
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get().uri("/api/surveys/visits/{id}/script", visitId)
                .headers(h -> h.setBearerAuth(agent(tenant))).exchange().returnResult(String.class).getStatus()
                .is2xxSuccessful());
        return visitId;
    }

    private String opening(String tenant, String visitId, String token) {
        JsonNode script = http.get().uri("/api/surveys/visits/{id}/script", visitId)
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return script.get("opening").asText();
    }

    /** Waits until the opening of the visit's script satisfies the condition; returns it. */
    private String openingOnceItContains(String tenant, String visitId, String expected) {
        await().atMost(Duration.ofSeconds(30)).until(() -> opening(tenant, visitId, agent(tenant)).contains(expected));
        return opening(tenant, visitId, agent(tenant));
    }

    @Test
    void theScriptAddressesTheCustomerByTheirSalutationAndNamesTheDateOfTheServiceEvent() {
        String tenant = newTenant();
        String customer = "c-" + UUID.randomUUID();
        String serviceEvent = "se-" + UUID.randomUUID();
        publish(Topics.CUSTOMERS, tenant, discharged(serviceEvent, customer, DISCHARGED));
        publish(Topics.CUSTOMERS, tenant, profile(customer, "张先生", "先生", 2));
        String visitId = plannedVisit(tenant, customer, serviceEvent);

        String opening = openingOnceItContains(tenant, visitId, "张先生");
        assertThat(opening).startsWith("您好!请问是张先生吗?")
                .contains("仁和医院客服部的李娜", "您于3月3日出院")
                .doesNotContain("{", "null", "客户");
    }

    @Test
    void aProfileOfALowerVersionArrivingLaterDoesNotReplaceTheName() {
        String tenant = newTenant();
        String customer = "c-" + UUID.randomUUID();
        publish(Topics.CUSTOMERS, tenant, profile(customer, "李女士", "女士", 5));
        publish(Topics.CUSTOMERS, tenant, profile(customer, "张先生", "先生", 4)); // a replay of an older profile
        String serviceEvent = "se-" + UUID.randomUUID();
        // same customer key, same partition: once this event's date shows, the older profile was handled too
        publish(Topics.CUSTOMERS, tenant, discharged(serviceEvent, customer, DISCHARGED));
        String visitId = plannedVisit(tenant, customer, serviceEvent);

        assertThat(openingOnceItContains(tenant, visitId, "3月3日")).contains("请问是李女士吗").doesNotContain("张");
    }

    @Test
    void anErasedCustomerIsAddressedNeutrallyAndAReplayedProfileDoesNotBringTheNameBack() {
        String tenant = newTenant();
        String customer = "c-" + UUID.randomUUID();
        publish(Topics.CUSTOMERS, tenant, profile(customer, "王女士", "女士", 1));
        String visitId = plannedVisit(tenant, customer, null);
        openingOnceItContains(tenant, visitId, "王女士");

        publish(Topics.CUSTOMERS, tenant, new CustomerErased(customer, "erasure-1", CLOCK.instant()));
        publish(Topics.CUSTOMERS, tenant, profile(customer, "王女士", "女士", 2));
        String serviceEvent = "se-" + UUID.randomUUID();
        publish(Topics.CUSTOMERS, tenant, discharged(serviceEvent, customer, DISCHARGED));
        String later = plannedVisit(tenant, customer, serviceEvent);

        String opening = openingOnceItContains(tenant, later, "3月3日");
        assertThat(opening).contains("请问是客户吗").doesNotContain("王", "女士", "null", "{");
        assertThat(opening(tenant, visitId, agent(tenant))).contains("请问是客户吗").doesNotContain("王");
    }

    @Test
    void anotherTenantsProfileOfTheSameCustomerIdIsNeverShown() {
        String tenant = newTenant();
        String other = newTenant();
        String customer = "c-" + UUID.randomUUID();
        String serviceEvent = "se-" + UUID.randomUUID();
        publish(Topics.CUSTOMERS, other, profile(customer, "赵先生", "先生", 1));
        publish(Topics.CUSTOMERS, other, discharged(serviceEvent, customer, Instant.parse("2026-02-01T02:00:00Z")));
        publish(Topics.CUSTOMERS, tenant, discharged(serviceEvent, customer, DISCHARGED));
        String visitId = plannedVisit(tenant, customer, serviceEvent);

        assertThat(openingOnceItContains(tenant, visitId, "3月3日")).contains("请问是客户吗")
                .doesNotContain("赵", "2月1日");
    }

    @Test
    void withNothingKnownEveryPlaceholderHasANeutralFallback() {
        String tenant = newTenant();
        String visitId = plannedVisit(tenant, "c-" + UUID.randomUUID(), "se-never-recorded");
        String anonymousAgent = TestInfrastructure.TOKENS.mint(tenant, "u-1042", null, List.of("AGENT"), Instant.now(),
                Duration.ofHours(1)); // no name claim: the user id is not read out

        assertThat(opening(tenant, visitId, anonymousAgent))
                .isEqualTo("您好!请问是客户吗?您好!我是仁和医院客服部的回访专员。您于近期出院,今天打电话是想了解一下您的康复情况,耽误您几分钟可以吗?");
    }
}
