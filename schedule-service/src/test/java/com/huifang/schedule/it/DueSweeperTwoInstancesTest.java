package com.huifang.schedule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.contracts.EventEnvelope;
import com.huifang.schedule.ScheduleServiceApplication;
import com.huifang.schedule.visit.store.VisitDocument;
import com.huifang.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Two schedule-service instances on one store and one broker: the test's application context and a
 * second one started beside it, both sweeping every 100 ms. Many visits fall due at once; each
 * {@code VisitDue} appears exactly once on the topic.
 */
class DueSweeperTwoInstancesTest extends ScheduleApiTest {

    static final int VISITS = 150;
    static ConfigurableApplicationContext second;

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    MeterRegistry registry;

    @AfterAll
    static void stopSecond() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void eachDueVisitIsFiredExactlyOnceByTwoInstances() {
        second = new SpringApplicationBuilder(ScheduleServiceApplication.class)
                .initializers(c -> c.getBeanFactory().registerSingleton("clock", CLOCK))
                // command-line arguments: they outrank the service's own properties file, as a deployment's would
                .run("--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
                        "--spring.data.mongodb.uri=" + TestInfrastructure.mongoUri(),
                        "--spring.data.mongodb.database=" + DATABASE,
                        "--huifang.security.jwt-secret=" + TestInfrastructure.JWT_SECRET,
                        "--huifang.outbox.interval=100ms",
                        "--huifang.schedule.sweep-interval=100ms");
        MeterRegistry secondRegistry = second.getBean(MeterRegistry.class);
        double firstBefore = fired(registry);
        double secondBefore = fired(secondRegistry);

        String tenant = tenant();
        Instant now = Instant.parse("2026-04-01T02:00:00Z");
        CLOCK.set(now);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < VISITS; i++) {
            VisitDocument v = new VisitDocument();
            v.id = tenant + "-v" + i;
            v.tenantId = tenant;
            v.customerId = "c" + i;
            v.planId = "hospital-inpatient";
            v.planVersion = 1;
            v.stage = "main";
            v.state = "PLANNED";
            v.earliestAt = now.plusSeconds(60);
            v.dueAt = now.plusSeconds(60 + i % 7);
            v.channel = "PHONE";
            v.priority = 3;
            ids.add(v.id);
            mongo.insert(v).block();
        }
        CLOCK.advance(Duration.ofMinutes(5));

        // distinct visits: two relaying instances may put the same event on the topic twice, and
        // counting copies would stop the wait before every visit's event arrived
        readVisitsTopic(r -> r.stream().filter(e -> due(e, ids)).map(e -> e.payload().get("visitId").asText())
                .distinct().count() >= VISITS);
        // both sweepers keep running: a second firing of any visit would be on the topic by now
        org.awaitility.Awaitility.await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        List<EventEnvelope> more = readWholeVisitsTopic();
        // each visit fell due once: exactly one VisitDue event (one event id) per visit. The outbox relay
        // delivers at least once, so with two relaying instances the same event may sit on the topic
        // twice; consumers drop the copy by its event id.
        Map<String, Set<String>> perVisit = new HashMap<>();
        more.stream().filter(e -> due(e, ids)).forEach(e -> perVisit
                .computeIfAbsent(e.payload().get("visitId").asText(), k -> new HashSet<>()).add(e.eventId().toString()));
        assertThat(perVisit).hasSize(VISITS);
        assertThat(perVisit.values()).allMatch(eventIds -> eventIds.size() == 1);
        // the counters also count other tests' visits falling due on the moved clock: at least ours
        assertThat(fired(registry) - firstBefore + fired(secondRegistry) - secondBefore).isGreaterThanOrEqualTo(VISITS);
        assertThat(mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("tenantId").is(tenant)), VisitDocument.class)
                .map(v -> v.state).collectList().block()).hasSize(VISITS).containsOnly("DUE");
    }

    private static boolean due(EventEnvelope e, Set<String> ids) {
        return e.type().equals("VisitDue") && ids.contains(e.payload().get("visitId").asText());
    }

    private static double fired(MeterRegistry registry) {
        var c = registry.find("huifang.visits.due.fired").counter();
        return c == null ? 0 : c.count();
    }
}
