package com.huifang.schedule.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Calendars through the API: the PRC default, uploaded years, unknown years as 422 + metric, roles, isolation. */
class CalendarsApiTest extends ScheduleApiTest {

    static final String YEAR_2027 = """
            zone: Asia/Shanghai
            years:
              2027:
                holidays:
                  - { name: 元旦 New Year, from: 2027-01-01, to: 2027-01-03 }
                makeUpWorkdays: [2027-01-09]
            """;

    @Autowired
    MeterRegistry registry;

    @Test
    void theDefaultIsThePrcCalendarAndAnUnknownYearIsA422NamingItAndCounted() {
        String tenant = tenant();
        String admin = token(tenant, "admin-1", "ADMIN");
        http.get().uri("/api/calendars").headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.zone").isEqualTo("Asia/Shanghai")
                .jsonPath("$.knownYears.length()").isEqualTo(2)
                .jsonPath("$.callingWindows").isEqualTo("10:00-12:00, 15:00-17:00");
        http.get().uri("/api/calendars/days/2025-10-08").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.workingDay").isEqualTo(false);
        http.get().uri("/api/calendars/days/2025-09-28").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.workingDay").isEqualTo(true)
                .jsonPath("$.makeUpWorkingDay").isEqualTo(true);

        double before = unknown2027();
        http.get().uri("/api/calendars/days/2027-01-04").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isEqualTo(422).expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.year").isEqualTo(2027).jsonPath("$.code").isEqualTo("calendar-unknown-year");
        assertThat(unknown2027()).isEqualTo(before + 1);
    }

    @Test
    void anAdminUploadsAYearWhichOnlyTheirTenantThenKnows() {
        String tenant = tenant();
        String admin = token(tenant, "admin-1", "ADMIN");
        upload(token(tenant, "sup-1", "SUPERVISOR"), YEAR_2027).expectStatus().isForbidden();
        upload(admin, YEAR_2027).expectStatus().isCreated().expectBody().jsonPath("$.knownYears.length()").isEqualTo(3);
        http.get().uri("/api/calendars/days/2027-01-03").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.workingDay").isEqualTo(false)
                .jsonPath("$.holiday").isEqualTo("元旦 New Year");
        http.get().uri("/api/calendars/days/2027-01-09").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.workingDay").isEqualTo(true);
        // another tenant still does not know 2027
        http.get().uri("/api/calendars/days/2027-01-04").headers(h -> h.setBearerAuth(token(tenant(), "admin-1", "ADMIN")))
                .exchange().expectStatus().isEqualTo(422);
    }

    @Test
    void anInvalidUploadIsA400NamingTheEntryAndChangesNothing() {
        String tenant = tenant();
        String admin = token(tenant, "admin-1", "ADMIN");
        upload(admin, YEAR_2027.replace("2027-01-09", "2027-01-11")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").value(d -> assertThat(d.toString()).contains("makeUpWorkdays[0]"));
        upload(admin, "years: [").expectStatus().isBadRequest();
        http.get().uri("/api/calendars").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectBody().jsonPath("$.knownYears.length()").isEqualTo(2);
        http.put().uri("/api/calendars").headers(h -> h.setBearerAuth(admin))
                .bodyValue(java.util.Map.of("weeklyWorkingDays", java.util.List.of("FUNDAY"))).exchange()
                .expectStatus().isBadRequest();
        http.put().uri("/api/calendars").headers(h -> h.setBearerAuth(admin))
                .bodyValue(java.util.Map.of("zone", "Europe/Berlin", "callingWindows", "09:00-11:00")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.zone").isEqualTo("Europe/Berlin")
                .jsonPath("$.callingWindows").isEqualTo("09:00-11:00");
    }

    private double unknown2027() {
        var c = registry.find("huifang.calendar.unknown.year").tag("year", "2027").counter();
        return c == null ? 0 : c.count();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec upload(String token, String yaml) {
        return http.post().uri("/api/calendars/years").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.TEXT_PLAIN).bodyValue(yaml).exchange();
    }
}
