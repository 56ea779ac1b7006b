package com.huifang.schedule.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.CustomerErased;
import com.huifang.contracts.events.CustomerProfileChanged;
import com.huifang.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What reaches schedule-service about a customer after their visits were planned (a later profile,
 * an erasure), and what its visits tell others (recording references, the record withheld from a
 * colleague), through the API and the real broker.
 */
class CustomerChangesApiTest extends ScheduleApiTest {

    static final Instant DISCHARGE = sh("2026-03-02T14:30"); // Monday; +7 days = 03-09 14:30 → 15:00

    @Test
    void aLaterProfileMovesAVisitNobodyStartedIntoThePreferredHoursButLeavesAVisitInProgress() {
        String tenant = tenant();
        String supervisor = token(tenant, "sup-1", "SUPERVISOR");
        String agent = token(tenant, "agent-li", "AGENT");
        String customer = "c-" + UUID.randomUUID();
        CLOCK.set(sh("2026-03-04T15:00"));
        // no profile yet: both visits fall into the plan's windows
        publish(tenant, serviceEvent(customer, "DISCHARGED", DISCHARGE, Map.of(), List.of()));
        publish(tenant, serviceEvent(customer, "DISCHARGED", sh("2026-03-04T14:30"), Map.of(), List.of()));
        JsonNode planned = awaitVisits(supervisor, customer, l -> l.size() == 2);
        String started = planned.get(0).get("id").asText();
        String waiting = planned.get(1).get("id").asText();
        assertThat(local(planned.get(0).get("dueAt").asText())).isEqualTo("2026-03-09T15:00");
        assertThat(local(planned.get(1).get("dueAt").asText())).isEqualTo("2026-03-11T15:00");
        String deadline = planned.get(1).get("deadlineAt").asText();

        // the first one is being worked
        CLOCK.set(sh("2026-03-09T15:01"));
        await().atMost(Duration.ofSeconds(20)).until(() -> visit(supervisor, started).get("state").asText().equals("DUE"));
        attempt(agent, started, Map.of("outcome", "NO_ANSWER", "ringSeconds", 25)).expectStatus().isCreated();
        JsonNode startedBefore = visit(supervisor, started);

        // the customer asks to be called 19:00-20:00 (profile v2)
        publish(tenant, profile(customer, 2, List.of("19:00-20:00")));
        JsonNode moved = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> visit(supervisor, waiting), v -> local(v.get("dueAt").asText()).equals("2026-03-11T19:00"));
        assertThat(moved.get("state").asText()).isEqualTo("PLANNED");
        assertThat(moved.get("deadlineAt").asText()).isEqualTo(deadline);
        assertThat(moved.get("explanation").toString()).contains("customer profile v2 changed")
                .contains("preferred hours").contains("19:00");

        // an older profile arriving late re-plans nothing; a later event of the same customer (same partition)
        // tells that it was handled — and is itself planned with the kept profile's hours
        publish(tenant, profile(customer, 1, List.of("10:00-11:00")));
        publish(tenant, serviceEvent(customer, "DISCHARGED", sh("2026-03-09T16:00"), Map.of(), List.of()));
        JsonNode three = awaitVisits(supervisor, customer, l -> l.size() == 3);
        assertThat(local(three.get(2).get("dueAt").asText())).isEqualTo("2026-03-16T19:00");
        assertThat(local(visit(supervisor, waiting).get("dueAt").asText())).isEqualTo("2026-03-11T19:00");

        // the visit in progress was not touched
        JsonNode startedAfter = visit(supervisor, started);
        assertThat(startedAfter.get("state").asText()).isEqualTo("IN_PROGRESS");
        assertThat(startedAfter.get("version").asLong()).isEqualTo(startedBefore.get("version").asLong());
        assertThat(startedAfter.get("dueAt").asText()).isEqualTo(startedBefore.get("dueAt").asText());
        assertThat(startedAfter.get("explanation").toString()).doesNotContain("re-planned");

        // consumers see a second VisitPlanned of the same visit (new event id, new due time), and only one
        List<EventEnvelope> replanned = distinct(readVisitsTopic(read -> distinct(read.stream()
                .filter(e -> isPlanned(e, waiting)).toList()).size() >= 2).stream().filter(e -> isPlanned(e, waiting)).toList());
        assertThat(replanned).hasSize(2);
        assertThat(replanned).extracting(e -> local(e.payload().get("dueAt").asText()))
                .containsExactly("2026-03-11T15:00", "2026-03-11T19:00");
        assertThat(readWholeVisitsTopic().stream().filter(e -> isPlanned(e, started)).map(EventEnvelope::eventId).distinct())
                .hasSize(1);
    }

    @Test
    void anErasureIsConfirmedBackOnceWithTheRecordsAnonymisedEvenWhenDeliveredTwice() {
        String tenant = tenant();
        String supervisor = token(tenant, "sup-1", "SUPERVISOR");
        String customer = "c-" + UUID.randomUUID();
        CLOCK.set(DISCHARGE.plusSeconds(60));
        publish(tenant, profile(customer, 1, List.of()));
        publish(tenant, serviceEvent(customer, "DISCHARGED", DISCHARGE, Map.of(), List.of()));
        String id = awaitVisits(supervisor, customer, l -> l.size() == 1).get(0).get("id").asText();

        String requestId = "req-" + UUID.randomUUID();
        EventEnvelope erased = EventJson.envelope(new CustomerErased(customer, requestId, CLOCK.instant()), tenant,
                "it-erase", CLOCK.instant());
        send(erased);
        send(erased); // the same event delivered twice
        await().atMost(Duration.ofSeconds(30)).until(() -> visit(supervisor, id).get("state").asText().equals("CANCELLED"));

        // one confirmation (the relay is at-least-once: the same event id may be sent again, consumers drop it)
        List<EventEnvelope> once = distinct(confirmationsOf(customer, 1));
        assertThat(once).hasSize(1);
        EventEnvelope confirmation = once.get(0);
        assertThat(confirmation.tenantId()).isEqualTo(tenant);
        assertThat(confirmation.correlationId()).isEqualTo("it-erase");
        JsonNode confirmed = confirmation.payload();
        assertThat(confirmed.get("requestId").asText()).isEqualTo(requestId);
        // the cancelled visit, the visit's kept service event dropped, the consent/category record, the customer copy
        assertThat(confirmed.get("recordsAnonymised").asInt()).isEqualTo(4);

        // customer-service re-sends the request under a new event id: anonymised again (nothing left), and any
        // confirmation carries the first one's event id, which customer-service's inbox drops
        publish(tenant, new CustomerErased(customer, requestId, CLOCK.instant()));
        // a later event of the same customer (same partition) tells that the replay was handled
        publish(tenant, serviceEvent(customer, "DISCHARGED", CLOCK.instant(), Map.of(), List.of()));
        awaitVisits(supervisor, customer, l -> l.size() == 2);
        assertThat(confirmationsOf(customer, 1)).extracting(EventEnvelope::eventId).containsOnly(confirmation.eventId());
    }

    /** The customer's confirmations from schedule-service once {@code atLeast} arrived, and a moment more to see extras. */
    private static List<EventEnvelope> confirmationsOf(String customer, int atLeast) {
        return readTopic(Topics.CUSTOMERS, read -> read.stream().filter(e -> isConfirmation(e, customer)).count() >= atLeast,
                Duration.ofSeconds(4)).stream().filter(e -> isConfirmation(e, customer)).toList();
    }

    @Test
    void theAttemptsRecordingReferenceIsPublishedWithVisitAttempted() {
        String tenant = tenant();
        String agent = token(tenant, "agent-li", "AGENT");
        String customer = "c-" + UUID.randomUUID();
        String id = dueVisit(tenant, customer);
        attempt(agent, id, Map.of("outcome", "NO_ANSWER", "ringSeconds", 25, "recordingRef", "rec://pbx/2026/03/0001"))
                .expectStatus().isCreated();
        attempt(agent, id, Map.of("outcome", "BUSY")).expectStatus().isCreated();

        // the relay is at-least-once: consumers (and this test) take each event id once
        List<EventEnvelope> attempted = distinct(readVisitsTopic(read -> distinct(read.stream()
                .filter(e -> isAttempted(e, id)).toList()).size() >= 2).stream().filter(e -> isAttempted(e, id)).toList());
        assertThat(attempted).extracting(e -> e.payload().get("attemptNo").asInt()).containsExactly(1, 2);
        assertThat(attempted.get(0).payload().get("recordingRef").asText()).isEqualTo("rec://pbx/2026/03/0001");
        assertThat(attempted.get(1).payload().hasNonNull("recordingRef")).isFalse();
    }

    @Test
    void anAttemptOnAColleaguesVisitAnswersWithoutTheRecordUnlessAGrantCoversIt() {
        String tenant = tenant();
        String supervisor = token(tenant, "sup-1", "SUPERVISOR");
        String agentA = token(tenant, "agent-a", "AGENT");
        String agentB = token(tenant, "agent-b", "AGENT");
        String customer = "c-" + UUID.randomUUID();
        String id = dueVisit(tenant, customer);
        http.post().uri("/api/visits/{id}/assignee", id).headers(h -> h.setBearerAuth(supervisor))
                .bodyValue(Map.of("agentId", "agent-a", "reason", "regular caller")).exchange().expectStatus().isOk();
        attempt(agentA, id, Map.of("outcome", "NO_ANSWER", "ringSeconds", 25, "notes", "left a message with the wife",
                "recordingRef", "rec-a-1")).expectStatus().isCreated()
                .expectBody().jsonPath("$.recordWithheld").isEqualTo(false)
                .jsonPath("$.attempts[0].notes").isEqualTo("left a message with the wife");

        // agent-b works agent-a's visit (e.g. a call-back released to the team): the answer is the restricted view
        attempt(agentB, id, Map.of("outcome", "INCONVENIENT", "notes", "driving", "recordingRef", "rec-b-1"))
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.recordWithheld").isEqualTo(true)
                .jsonPath("$.attempts.length()").isEqualTo(2)
                .jsonPath("$.attempts[0].notes").doesNotExist()
                .jsonPath("$.attempts[0].recordingRef").doesNotExist()
                .jsonPath("$.attempts[0].agentId").doesNotExist()
                .jsonPath("$.attempts[1].notes").doesNotExist();
        http.get().uri("/api/visits/{id}", id).headers(h -> h.setBearerAuth(agentB)).exchange().expectStatus().isForbidden();
        // the record was stored all the same: its own agent reads it
        attempt(agentA, id, Map.of("outcome", "INCONVENIENT")).expectStatus().isCreated()
                .expectBody().jsonPath("$.recordWithheld").isEqualTo(false)
                .jsonPath("$.attempts[1].notes").isEqualTo("driving")
                .jsonPath("$.attempts[1].recordingRef").isEqualTo("rec-b-1");

        // with a grant covering agent-a's visits, agent-b gets the full record
        Map<String, Object> grant = new LinkedHashMap<>();
        grant.put("grantee", "agent-b");
        grant.put("scope", "agent-a");
        grant.put("reason", "covering agent-a's call-backs");
        grant.put("until", CLOCK.instant().plus(Duration.ofHours(2)).toString());
        http.post().uri("/api/access-grants").headers(h -> h.setBearerAuth(supervisor)).bodyValue(grant).exchange()
                .expectStatus().isCreated();
        attempt(agentB, id, Map.of("outcome", "INCONVENIENT")).expectStatus().isCreated()
                .expectBody().jsonPath("$.recordWithheld").isEqualTo(false)
                .jsonPath("$.attempts[0].notes").isEqualTo("left a message with the wife");

        // another tenant's agent records nothing on it
        attempt(token(tenant(), "agent-a", "AGENT"), id, Map.of("outcome", "REACHED")).expectStatus().isNotFound();
        assertThat(visit(supervisor, id).get("attempts")).hasSize(4);
    }

    /** A visit of the customer planned from a discharge and fallen due (clock moved to its due time). */
    private String dueVisit(String tenant, String customer) {
        String supervisor = token(tenant, "sup-1", "SUPERVISOR");
        CLOCK.set(DISCHARGE.plusSeconds(60));
        publish(tenant, serviceEvent(customer, "DISCHARGED", DISCHARGE, Map.of(), List.of()));
        JsonNode v = awaitVisits(supervisor, customer, l -> l.size() == 1).get(0);
        String id = v.get("id").asText();
        CLOCK.set(Instant.parse(v.get("dueAt").asText()).plusSeconds(60));
        await().atMost(Duration.ofSeconds(20)).until(() -> visit(supervisor, id).get("state").asText().equals("DUE"));
        return id;
    }

    private WebTestClient.ResponseSpec attempt(String token, String id, Map<String, Object> body) {
        return http.post().uri("/api/visits/{id}/attempts", id).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    static CustomerProfileChanged profile(String customer, int version, List<String> hours) {
        return new CustomerProfileChanged(customer, "张先生", "先生", "138****1234", "INPATIENT", List.of("PHONE", "SMS"),
                null, hours, null, List.of(), null, version, CLOCK.instant());
    }

    private static boolean isPlanned(EventEnvelope e, String visitId) {
        return e.type().equals("VisitPlanned") && visitId.equals(e.payload().get("visitId").asText());
    }

    private static boolean isAttempted(EventEnvelope e, String visitId) {
        return e.type().equals("VisitAttempted") && visitId.equals(e.payload().get("visitId").asText());
    }

    private static boolean isConfirmation(EventEnvelope e, String customer) {
        return e.type().equals("CustomerErasureConfirmed") && customer.equals(e.payload().get("customerId").asText())
                && "schedule-service".equals(e.payload().get("service").asText());
    }

    /** Each event id once, in the order first read. */
    private static List<EventEnvelope> distinct(List<EventEnvelope> read) {
        Map<UUID, EventEnvelope> byId = new LinkedHashMap<>();
        read.forEach(e -> byId.putIfAbsent(e.eventId(), e));
        return List.copyOf(byId.values());
    }

    /** Sends one envelope as it is (the same event id each time). */
    private static void send(EventEnvelope envelope) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(Topics.CUSTOMERS, envelope.key(), EventJson.write(envelope)));
        }
    }
}
