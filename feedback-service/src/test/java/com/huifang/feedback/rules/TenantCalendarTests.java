package com.huifang.feedback.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.TenantCalendarChanged;
import com.huifang.feedback.support.FeedbackIntegrationTest;
import com.huifang.platform.messaging.Inbox;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

class TenantCalendarTests extends FeedbackIntegrationTest {

    private static final List<String> MON_TO_FRI = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");
    private static final List<String> MON_TO_SAT = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
            "SATURDAY");
    /** 2026 as published, plus a company holiday on Monday 9 March. */
    private static final String YEAR_2026_WITH_COMPANY_DAY = """
            years:
              2026:
                holidays:
                  - { name: 元旦 New Year, from: 2026-01-01, to: 2026-01-03 }
                  - { name: 春节 Spring Festival, from: 2026-02-15, to: 2026-02-23 }
                  - { name: 公司日 Company day, from: 2026-03-09, to: 2026-03-09 }
                  - { name: 清明节 Qingming, from: 2026-04-04, to: 2026-04-06 }
                  - { name: 劳动节 Labour Day, from: 2026-05-01, to: 2026-05-05 }
                  - { name: 端午节 Dragon Boat, from: 2026-06-19, to: 2026-06-21 }
                  - { name: 中秋节 Mid-Autumn, from: 2026-09-25, to: 2026-09-27 }
                  - { name: 国庆节 National Day, from: 2026-10-01, to: 2026-10-07 }
                makeUpWorkdays: [2026-01-04, 2026-02-14, 2026-02-28, 2026-05-09, 2026-09-20, 2026-10-10]
            """;

    @Autowired
    ReactiveMongoTemplate mongo;

    private Instant firstResponseDue(String token, String issueId) {
        JsonNode sla = get(token, "/api/issues/{id}/sla", issueId);
        for (JsonNode r : sla.get("readings")) {
            if (r.get("kind").asText().equals("FIRST_RESPONSE")) {
                return Instant.parse(r.get("due").asText());
            }
        }
        throw new AssertionError("no first-response clock in " + sla);
    }

    private void publishCalendar(String tenant, String eventId, List<String> week, String hours, List<String> years,
                                 int version) {
        publish(Topics.TENANT_SETTINGS, tenant, eventId,
                new TenantCalendarChanged(tenant, "Asia/Shanghai", week, hours, "10:00-12:00,15:00-17:00", years, version,
                        CLOCK.instant()));
    }

    private boolean processed(String eventId) {
        var id = "tenant-calendars:" + UUID.nameUUIDFromBytes(eventId.getBytes(StandardCharsets.UTF_8));
        return Boolean.TRUE.equals(mongo.exists(Query.query(Criteria.where("_id").is(id)), Inbox.COLLECTION).block());
    }

    @Test
    void aTenantWhoseCalendarWorksSaturdaysOrAddsAHolidayGetsADifferentDueTimeThanTheDefaultTenant() {
        CLOCK.set(Instant.parse("2026-03-06T09:00:00Z")); // Friday 17:00 in Shanghai
        String own = newTenant();
        String plain = newTenant();
        String ownHandler = token(own, "handler-li", "HANDLER");
        String plainHandler = token(plain, "handler-li", "HANDLER");
        // delivery: first answer within 2 business hours
        String ownIssue = raise(ownHandler, "DELIVERY", "c-1", List.of()).get("id").asText();
        String plainIssue = raise(plainHandler, "DELIVERY", "c-1", List.of()).get("id").asText();
        Instant mondayTen = Instant.parse("2026-03-09T02:00:00Z");
        assertThat(firstResponseDue(ownHandler, ownIssue)).isEqualTo(mondayTen);

        // a six-day week: the hour left after Friday 18:00 is worked on Saturday
        String v2 = "calendar-" + own + "-2";
        publishCalendar(own, v2, MON_TO_SAT, null, List.of(), 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> firstResponseDue(ownHandler, ownIssue),
                Instant.parse("2026-03-07T02:00:00Z")::equals);
        // the default tenant keeps the PRC calendar
        assertThat(firstResponseDue(plainHandler, plainIssue)).isEqualTo(mondayTen);

        // an older version arriving late changes nothing
        String v1 = "calendar-" + own + "-1";
        publishCalendar(own, v1, MON_TO_FRI, null, List.of(), 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(v1));
        assertThat(firstResponseDue(ownHandler, ownIssue)).isEqualTo(Instant.parse("2026-03-07T02:00:00Z"));

        // back to five days, a company holiday on Monday and business hours 08:00–17:30 of its own:
        // half an hour on Friday, then Tuesday 08:00 + 1 h 30
        publishCalendar(own, "calendar-" + own + "-3", MON_TO_FRI, "08:00-17:30", List.of(YEAR_2026_WITH_COMPANY_DAY), 3);
        await().atMost(Duration.ofSeconds(20)).until(() -> firstResponseDue(ownHandler, ownIssue),
                Instant.parse("2026-03-10T01:30:00Z")::equals);
        assertThat(get(token(own, "sup", "SUPERVISOR"), "/api/issues/rules").get("businessHours").asText())
                .isEqualTo("08:00-17:30");
        assertThat(get(token(plain, "sup", "SUPERVISOR"), "/api/issues/rules").get("businessHours").asText())
                .isEqualTo("09:00-12:00, 13:00-18:00");
        assertThat(firstResponseDue(plainHandler, plainIssue)).isEqualTo(mondayTen);
    }
}
