package com.huifang.reporting.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.contracts.EventJson;
import com.huifang.reporting.facts.FactProjection;
import com.huifang.reporting.facts.domain.AppliedEvent;
import com.huifang.reporting.facts.domain.ReportingEvents;
import com.huifang.reporting.facts.domain.VisitFact;
import com.huifang.reporting.facts.store.FactReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;

/** The store adapter converges on the domain's fact however many writers race on one document. */
class FactProjectionConcurrencyTests extends ReportingIntegrationTest {

    @Autowired
    FactProjection projection;
    @Autowired
    FactReader reader;

    @Test
    void concurrentAndDuplicateEventsOfOneVisitConvergeOnTheDomainsFact() {
        Instant due = Instant.parse("2026-11-12T02:00:00Z");
        List<AppliedEvent> events = new ArrayList<>(List.of(
                ReportingEvents.planned("t5", "x1", "se1", "P1", due, due.plusSeconds(86_400), "PHONE", "a1"),
                ReportingEvents.due("t5", "x1", "P1", due, due.plusSeconds(86_400), "PHONE", "a2"),
                ReportingEvents.attempted("t5", "x1", "P1", 1, "NO_ANSWER", "a2", due.plusSeconds(60)),
                ReportingEvents.attempted("t5", "x1", "P1", 2, "BUSY", "a2", due.plusSeconds(3_600)),
                ReportingEvents.attempted("t5", "x1", "P1", 3, "REACHED", "a2", due.plusSeconds(7_200)),
                ReportingEvents.completed("t5", "x1", "P1", "COMPLETED", "PHONE", "a2", due.plusSeconds(7_300),
                        due.plusSeconds(86_400), true, 3),
                ReportingEvents.survey("t5", "x1", "P1", "a2", due.plusSeconds(7_300), 4.5, true, 9, null, true, "好"),
                ReportingEvents.issueRaised("t5", "k1", "x1", "NORMAL", due.plusSeconds(7_400))));
        VisitFact expected = VisitFact.empty("t5", "x1");
        for (AppliedEvent e : events) {
            if (VisitFact.visitIdOf(e) != null) {
                expected = expected.apply(e);
            }
        }
        // every event three times, shuffled, sixteen at a time: writers race on the one document
        List<AppliedEvent> deliveries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            deliveries.addAll(events);
        }
        Collections.shuffle(deliveries, new Random(7));
        Flux.fromIterable(deliveries)
                .flatMap(e -> projection.apply(EventJson.envelope(e.eventId(), e.payload(), e.tenantId(), "c",
                        e.occurredAt())), 16)
                .then().block(Duration.ofSeconds(60));

        assertThat(reader.visits("t5", Set.of("x1")).blockFirst()).isEqualTo(expected);
        assertThat(get(token("t5", "SUPERVISOR"), "/api/reports/kpis?month=2026-11").get("total").get("values")
                .get("issueRate").asDouble()).isEqualTo(1.0);
    }
}
