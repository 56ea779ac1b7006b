package com.huifang.reporting.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.reporting.facts.domain.AppliedEvent;
import com.huifang.reporting.facts.domain.ReportingEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton's visit, its events sent newest first: partitions of different topics are not
 * ordered with each other, so IssueRaised (huifang.issues) may be projected before the visit it came
 * from (huifang.visits) is known. The figures do not depend on it.
 */
class CrossTopicOrderTests extends ReportingIntegrationTest {

    @Test
    void anIssueProjectedBeforeItsVisitIsCountedOnceTheVisitArrives() {
        String tenant = "xo-" + UUID.randomUUID().toString().substring(0, 8);
        Instant due = Instant.parse("2026-11-09T07:00:00Z");
        Instant done = due.plusSeconds(1_800);
        List<AppliedEvent> newestFirst = new ArrayList<>(List.of(
                ReportingEvents.issueRaised(tenant, "i1", "v1", "NORMAL", done.plusSeconds(5)),
                ReportingEvents.survey(tenant, "v1", "hospital-inpatient", "agent-li", done, 2.5, false, null, null,
                        true, "护士态度不好"),
                ReportingEvents.completed(tenant, "v1", "hospital-inpatient", "COMPLETED", "PHONE", "agent-li", done,
                        due.plusSeconds(86_400 * 3), true, 1),
                ReportingEvents.attempted(tenant, "v1", "hospital-inpatient", 1, "REACHED", "agent-li", done),
                ReportingEvents.due(tenant, "v1", "hospital-inpatient", due, due.plusSeconds(86_400 * 3), "PHONE",
                        "agent-li"),
                ReportingEvents.planned(tenant, "v1", "se1", "hospital-inpatient", due, due.plusSeconds(86_400 * 3),
                        "PHONE", null)));
        double before = consumed();
        newestFirst.forEach(e -> publish(e, e.eventId()));
        awaitConsumed(before + newestFirst.size());

        String supervisor = token(tenant, "SUPERVISOR");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode summary = get(supervisor, "/api/reports/summary?from=2026-11-08&to=2026-11-10");
            assertThat(summary.get("due").asLong()).isEqualTo(1);
            assertThat(summary.get("completed").asLong()).isEqualTo(1);
            assertThat(summary.get("issues").asLong()).isEqualTo(1);
        });
        JsonNode byAgent = get(supervisor, "/api/reports/kpis?from=2026-11-08&to=2026-11-10&groupBy=agent");
        assertThat(byAgent.get("rows")).hasSize(1);
        assertThat(byAgent.get("rows").get(0).get("group").get("agent").asText()).isEqualTo("agent-li");
        assertThat(byAgent.get("rows").get(0).get("values").get("issueRate").asDouble()).isEqualTo(1.0);
    }
}
