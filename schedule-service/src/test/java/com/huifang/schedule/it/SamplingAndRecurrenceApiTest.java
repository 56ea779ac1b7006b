package com.huifang.schedule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.HuifangEvent;
import com.huifang.contracts.Topics;
import com.huifang.schedule.sampling.SampleAnnouncements;
import com.huifang.schedule.sampling.store.ServedHouseholdDocument;
import com.huifang.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

/** A sampling plan's monthly draw, and the repeats of a recurring stage, through the API and the topics. */
class SamplingAndRecurrenceApiTest extends ScheduleApiTest {

    private static final String PLAN = "property-household-sampling";

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void aDrawOfAHundredAndTwentyHouseholdsAnnouncesTwentyPercentAndItsMandatoryOnesOnceWhateverTheRedraws() {
        String tenant = tenant();
        String supervisor = token(tenant, "sup-1", "SUPERVISOR");
        http.post().uri("/api/plans/packs/" + PLAN).headers(h -> h.setBearerAuth(supervisor))
                .exchange().expectStatus().isCreated();
        CLOCK.set(sh("2025-11-03T09:00"));
        List<HuifangEvent> served = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            // 120 households over October, the first 3 new contracts (always sampled)
            served.add(serviceEvent("hh-" + i + "-" + UUID.randomUUID(), "HOUSEHOLD_SERVICE_DONE",
                    sh(String.format("2025-10-%02dT10:00", 1 + i % 28)),
                    i < 3 ? Map.of("newContract", "true") : Map.of(), List.of()));
        }
        publishAll(tenant, served);
        Query population = Query.query(Criteria.where("tenantId").is(tenant).and("planId").is(PLAN).and("period").is("2025-10"));
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> mongo.count(population, ServedHouseholdDocument.class).block() == 120);
        JsonNode sample = draw(supervisor, "2025-10");
        assertThat(sample.get("population").asInt()).isEqualTo(120);
        assertThat(sample.get("tierPercent").asInt()).isEqualTo(20);
        assertThat(sample.get("required").asInt()).isEqualTo(24); // ceil(120 × 20 %)
        assertThat(sample.get("mandatory").asInt()).isEqualTo(3);
        assertThat(sample.get("selected")).hasSize(24);            // the 3 mandatory ones and 21 drawn at random

        List<EventEnvelope> drawn = sampleDrawn(tenant, 1, Duration.ofSeconds(2));
        assertThat(drawn).hasSize(1);
        EventEnvelope e = drawn.get(0);
        assertThat(e.eventId()).isEqualTo(SampleAnnouncements.eventIdOf(tenant, PLAN, "2025-10"));
        assertThat(e.key()).isEqualTo(PLAN);
        JsonNode p = e.payload();
        assertThat(p.get("planId").asText()).isEqualTo(PLAN);
        assertThat(p.get("period").asText()).isEqualTo("2025-10");
        assertThat(p.get("population").asInt()).isEqualTo(120);
        assertThat(p.get("tierPercent").asDouble()).isEqualTo(20.0);
        assertThat(p.get("required").asInt()).isEqualTo(24);
        assertThat(p.get("mandatory").asInt()).isEqualTo(3);
        assertThat(p.get("selected").asInt()).isEqualTo(24);
        assertThat(Instant.parse(p.get("drawnAt").asText())).isEqualTo(sh("2025-11-03T09:00"));

        // drawing again plans nothing new and announces nothing new: still the one event on the topic
        CLOCK.set(sh("2025-11-04T09:00"));
        JsonNode again = draw(supervisor, "2025-10");
        assertThat(again.get("visitIds")).isEqualTo(sample.get("visitIds"));
        assertThat(sampleDrawn(tenant, 1, Duration.ofSeconds(3))).extracting(EventEnvelope::eventId)
                .containsExactly(e.eventId());
        // another tenant has no such plan: its draw is refused
        http.post().uri("/api/plans/{plan}/samples/2025-10", PLAN)
                .headers(h -> h.setBearerAuth(token(tenant(), "sup-1", "SUPERVISOR"))).exchange().expectStatus().isNotFound();
    }

    /**
     * The tenant's SampleDrawn records on the visits topic (every copy, not one per id): read until
     * {@code atLeast} arrived, then {@code settle} longer (a late copy is seen too), at most 30 s.
     */
    private static List<EventEnvelope> sampleDrawn(String tenant, int atLeast, Duration settle) {
        return ofTenant(readTopic(Topics.VISITS, r -> ofTenant(r, tenant).size() >= atLeast, settle), tenant);
    }

    private static List<EventEnvelope> ofTenant(List<EventEnvelope> read, String tenant) {
        return read.stream().filter(x -> tenant.equals(x.tenantId()) && "SampleDrawn".equals(x.type())).toList();
    }

    /** Publishes the events with one producer (120 producers would take long). */
    private static void publishAll(String tenant, List<HuifangEvent> payloads) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (HuifangEvent payload : payloads) {
                EventEnvelope envelope = EventJson.envelope(payload, tenant, "it-" + UUID.randomUUID(), CLOCK.instant());
                producer.send(new ProducerRecord<>(com.huifang.contracts.EventCatalog.byType(envelope.type())
                        .orElseThrow().topic(), envelope.key(), EventJson.write(envelope)));
            }
        }
    }

    @Test
    void theMonthlyDrawSamplesThirtyPercentAlwaysIncludesNewContractsAsHomeVisitsAndIsRepeatable() {
        String tenant = tenant();
        String supervisor = token(tenant, "sup-1", "SUPERVISOR");
        http.post().uri("/api/plans/packs/property-household-sampling").headers(h -> h.setBearerAuth(supervisor))
                .exchange().expectStatus().isCreated();
        CLOCK.set(sh("2025-09-10T16:20"));
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String customer = "h-" + i + "-" + UUID.randomUUID();
            customers.add(customer);
            publish(tenant, serviceEvent(customer, "HOUSEHOLD_SERVICE_DONE", sh("2025-09-0" + (i + 2) + "T10:00"),
                    i == 3 ? Map.of("newContract", "true") : Map.of(), List.of()));
        }
        // nothing is planned before the draw; the population fills up
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> draw(supervisor, "2025-09").get("population").asInt() == 5);
        JsonNode sample = draw(supervisor, "2025-09");
        assertThat(sample.get("tierPercent").asInt()).isEqualTo(30);
        assertThat(sample.get("required").asInt()).isEqualTo(2); // ceil(5 × 30 %)
        JsonNode mandatory = PlanPackPlanningApiTest.stream(sample.get("selected"))
                .filter(s -> s.get("householdId").asText().equals(customers.get(3))).findFirst().orElseThrow();
        assertThat(mandatory.get("mandatory").get(0).asText()).isEqualTo("NEW_CONTRACT");
        assertThat(mandatory.get("forcedChannel").asText()).isEqualTo("HOME_VISIT");
        assertThat(visitsOf(supervisor, customers.get(3)).get(0).get("channel").asText()).isEqualTo("HOME_VISIT");

        JsonNode again = draw(supervisor, "2025-09");
        assertThat(again.get("visitIds")).isEqualTo(sample.get("visitIds"));
        long planned = customers.stream().mapToLong(c -> visitsOf(supervisor, c).size()).sum();
        assertThat(planned).isEqualTo(sample.get("selected").size());

        http.post().uri("/api/plans/property-household-sampling/samples/2025-13x").headers(h -> h.setBearerAuth(supervisor))
                .exchange().expectStatus().isBadRequest();
        http.post().uri("/api/plans/property-household-sampling/samples/2025-09")
                .headers(h -> h.setBearerAuth(token(tenant(), "sup-1", "SUPERVISOR"))).exchange().expectStatus().isNotFound();
        http.post().uri("/api/plans/property-household-sampling/samples/2025-09")
                .headers(h -> h.setBearerAuth(token(tenant, "agent-1", "AGENT"))).exchange().expectStatus().isForbidden();
    }

    @Test
    void aCompletedRepeatOfARecurringStagePlansTheNextOneWithTheSameAgent() {
        String tenant = tenant();
        String supervisor = token(tenant, "sup-1", "SUPERVISOR");
        String agent = token(tenant, "agent-wu", "AGENT");
        http.post().uri("/api/plans/packs/education-members").headers(h -> h.setBearerAuth(supervisor))
                .exchange().expectStatus().isCreated();
        Instant dormant = sh("2026-03-02T09:00");
        CLOCK.set(dormant);
        String customer = "m-" + UUID.randomUUID();
        publish(tenant, serviceEvent(customer, "MEMBER_DORMANT", dormant, Map.of(), List.of()));
        // the pack plans a first call and the first repeat of "every 4 weeks until active"
        JsonNode planned = awaitVisits(agent, customer, l -> l.size() == 2);
        JsonNode first = PlanPackPlanningApiTest.stream(planned).filter(v -> v.get("stage").asText().equals("dormant-repeat"))
                .findFirst().orElseThrow();
        assertThat(first.get("occurrence").asInt()).isEqualTo(1);

        CLOCK.set(Instant.parse(first.get("dueAt").asText()).plusSeconds(60));
        String id = first.get("id").asText();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> visit(agent, id).get("state").asText().equals("DUE"));
        http.post().uri("/api/visits/{id}/attempts", id).headers(h -> h.setBearerAuth(agent))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("outcome", "REACHED", "durationSeconds", 120))
                .exchange().expectStatus().isCreated();

        JsonNode all = awaitVisits(agent, customer, l -> l.size() == 3);
        JsonNode next = PlanPackPlanningApiTest.stream(all).filter(v -> v.get("occurrence").asInt() == 2).findFirst().orElseThrow();
        assertThat(next.get("stage").asText()).isEqualTo("dormant-repeat");
        assertThat(next.get("assigneeId").asText()).isEqualTo("agent-wu");
        assertThat(Duration.between(Instant.parse(first.get("dueAt").asText()), Instant.parse(next.get("dueAt").asText())))
                .isGreaterThanOrEqualTo(Duration.ofDays(27));
    }

    private JsonNode draw(String token, String period) {
        return http.post().uri("/api/plans/property-household-sampling/samples/{p}", period)
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
