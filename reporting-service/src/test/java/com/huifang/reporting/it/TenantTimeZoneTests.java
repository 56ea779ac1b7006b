package com.huifang.reporting.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.contracts.events.TenantCalendarChanged;
import com.huifang.reporting.facts.domain.AppliedEvent;
import com.huifang.reporting.facts.domain.ReportingEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Tenant-local dates follow the tenant's calendar (TenantCalendarChanged on huifang.tenant-settings):
 * the highest calendar version's zone, for facts projected before the calendar arrived as well as after.
 */
class TenantTimeZoneTests extends ReportingIntegrationTest {

    private static AppliedEvent calendar(String tenant, String zone, int version) {
        return ReportingEvents.event(tenant, "calendar-" + version, Instant.parse("2026-11-02T00:00:00Z").plusSeconds(version),
                new TenantCalendarChanged(tenant, zone, List.of(), "09:00-18:00", "10:00-12:00,15:00-17:00", List.of(),
                        version, Instant.parse("2026-11-02T00:00:00Z").plusSeconds(version)));
    }

    private void publish(AppliedEvent... events) {
        for (AppliedEvent e : events) {
            publish(e, e.eventId());
        }
    }

    private JsonNode month(String tenant, String month) {
        return get(token(tenant, "SUPERVISOR"), "/api/reports/kpis?month=" + month).get("total").get("values");
    }

    @Test
    void aTenantOnNewYorkTimeGetsItsLocalDatesEvenForVisitsProjectedBeforeItsCalendar() {
        String tenant = "tz-" + UUID.randomUUID().toString().substring(0, 8);
        // 2026-11-01 02:00 UTC is 10:00 on 1 November in Shanghai but 22:00 on 31 October in New York
        Instant early = Instant.parse("2026-11-01T02:00:00Z");
        publish(ReportingEvents.planned(tenant, "v1", "se1", "P1", early, early.plusSeconds(86_400), "PHONE", "a1"),
                ReportingEvents.due(tenant, "v1", "P1", early, early.plusSeconds(86_400), "PHONE", "a1"),
                ReportingEvents.issueRaised(tenant, "i1", "v1", "NORMAL", early.plusSeconds(3_600)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(month(tenant, "2026-11").get("due").asDouble()).isEqualTo(1);
            assertThat(month(tenant, "2026-11").get("issuesRaised").asDouble()).isEqualTo(1);
        });

        // the tenant moves to New York (version 2); its older calendar (version 1) arrives late and loses
        publish(calendar(tenant, "America/New_York", 2), calendar(tenant, "Asia/Shanghai", 1));
        // 2026-11-30 23:00 UTC is 1 December in Shanghai, still 30 November in New York
        Instant late = Instant.parse("2026-11-30T23:00:00Z");
        publish(ReportingEvents.planned(tenant, "v2", "se1", "P1", late, late.plusSeconds(86_400), "PHONE", "a1"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode october = month(tenant, "2026-10");
            assertThat(october.get("due").asDouble()).isEqualTo(1);
            assertThat(october.get("issuesRaised").asDouble()).isEqualTo(1);
            JsonNode november = month(tenant, "2026-11");
            assertThat(november.get("due").asDouble()).isEqualTo(1);
            assertThat(november.get("issuesRaised").asDouble()).isEqualTo(0);
            assertThat(month(tenant, "2026-12").get("due").asDouble()).isEqualTo(0);
        });
        JsonNode lastDay = get(token(tenant, "SUPERVISOR"), "/api/reports/summary?from=2026-11-30&to=2026-11-30");
        assertThat(lastDay.get("due").asLong()).isEqualTo(1);
    }

    @Test
    void anotherTenantStaysOnShanghaiTime() {
        String tenant = "tz-" + UUID.randomUUID().toString().substring(0, 8);
        String neighbour = "tz-" + UUID.randomUUID().toString().substring(0, 8);
        Instant early = Instant.parse("2026-11-01T02:00:00Z");
        publish(calendar(neighbour, "America/New_York", 1),
                ReportingEvents.due(tenant, "v1", "P1", early, early.plusSeconds(86_400), "PHONE", "a1"),
                ReportingEvents.due(neighbour, "v1", "P1", early, early.plusSeconds(86_400), "PHONE", "a1"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(month(tenant, "2026-11").get("due").asDouble()).isEqualTo(1);
            assertThat(month(neighbour, "2026-10").get("due").asDouble()).isEqualTo(1);
        });
        assertThat(month(tenant, "2026-10").get("due").asDouble()).isEqualTo(0);
    }
}
