package com.huifang.reporting.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.reporting.facts.domain.AppliedEvent;
import com.huifang.contracts.events.CustomerErased;
import com.huifang.reporting.facts.domain.NovemberFixture;
import com.huifang.reporting.facts.domain.ReportingEvents;
import java.time.Instant;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** The November fixture of the domain tests, sent through the topics and read back through the API. */
class ReportApiTests extends ReportingIntegrationTest {

    private static final String NOVEMBER = "/api/reports/kpis?month=2026-11";

    @BeforeEach
    void fixture() {
        fixturePublished();
    }

    private JsonNode november() {
        return get(SUPERVISOR, NOVEMBER).get("total").get("values");
    }

    @Test
    void fixtureEventsOnTheTopicsGiveTheHandComputedKpis() {
        JsonNode v = november();
        assertThat(v.get("due").asDouble()).isEqualTo(8);            // v1..v8 by tenant-local due date
        assertThat(v.get("attempted").asDouble()).isEqualTo(6);      // v1 v2 v3 v5 v6 v7
        assertThat(v.get("successful").asDouble()).isEqualTo(3);     // v1 v2 v5
        assertThat(v.get("refused").asDouble()).isEqualTo(1);
        assertThat(v.get("cancelled").asDouble()).isEqualTo(1);
        assertThat(v.get("failed").asDouble()).isEqualTo(1);
        assertThat(v.get("attemptedRate").asDouble()).isEqualTo(6.0 / 8);
        // 3 / (8 − 1 refused − 1 cancelled), not 3 / 8
        assertThat(v.get("successRate").asDouble()).isEqualTo(0.5);
        assertThat(v.get("onTimeSuccessRate").asDouble()).isEqualTo(2.0 / 8);
        assertThat(v.get("homeVisitLetterShare").asDouble()).isEqualTo(1.0 / 3);
        assertThat(v.get("surveys").asDouble()).isEqualTo(3);
        assertThat(v.get("csat").asDouble()).isEqualTo(2.0 / 3);
        assertThat(v.get("meanRating").asDouble()).isCloseTo(12.5 / 3, within(1e-9));
        assertThat(v.get("nps").asDouble()).isEqualTo(0.0);
        assertThat(v.get("issueRate").asDouble()).isEqualTo(2.0 / 3);
        assertThat(v.get("issuesRaised").asDouble()).isEqualTo(3);
        assertThat(v.get("issueResolutionRate").asDouble()).isEqualTo(2.0 / 3);
        assertThat(v.get("slaCompliance").asDouble()).isEqualTo(0.5);
        assertThat(get(SUPERVISOR, NOVEMBER).get("total").get("homeVisitLetterShareOverLimit").asBoolean()).isTrue();
        // the walking skeleton's summary reads the same facts
        JsonNode summary = get(SUPERVISOR, "/api/reports/summary?from=2026-11-01&to=2026-11-30");
        assertThat(summary.get("due").asLong()).isEqualTo(8);
        assertThat(summary.get("completed").asLong()).isEqualTo(3);
        assertThat(summary.get("issues").asLong()).isEqualTo(3);
    }

    @Test
    void groupedAndFilteredByDimensionsWithAgentsPlacedInTeams() {
        JsonNode r = get(SUPERVISOR, NOVEMBER + "&groupBy=team,category&filter.channel=PHONE");
        List<String> rows = new ArrayList<>();
        r.get("rows").forEach(row -> rows.add(row.get("group").get("team").asText() + "/"
                + row.get("group").get("category").asText() + "=" + row.get("values").get("due").asInt()));
        assertThat(rows).containsExactly("T1/住院=2", "T1/门诊=2", "T2/门诊=3");
        assertThat(r.get("total").get("values").get("due").asInt()).isEqualTo(7);
        assertThat(get(SUPERVISOR, "/api/reports/kpis?quarter=2026Q4&filter.department=D1")
                .get("total").get("values").get("due").asInt()).isEqualTo(9);

        JsonNode byAgent = get(SUPERVISOR, NOVEMBER + "&groupBy=agent");
        assertThat(byAgent.get("rows")).extracting(row -> row.get("group").get("agent").asText())
                .containsExactly("-", "a1", "a2");
        assertThat(byAgent.get("rows").get(1).get("values").get("successRate").asDouble()).isEqualTo(1.0);
        assertThat(byAgent.get("rows").get(2).get("values").get("successRate").asDouble()).isEqualTo(0.25);
        assertThat(byAgent.get("rows").get(0).get("values").get("successRate").isNull()).isTrue();
    }

    @Test
    void agentPerformanceHasTiersBelowTargetWithAConfigurableDeduction() {
        JsonNode agents = get(SUPERVISOR, "/api/reports/agents?month=2026-11&filter.agent=a1,a2");
        assertThat(agents.get(0).get("agent").asText()).isEqualTo("a1");
        assertThat(agents.get(0).get("tiersBelow").asInt()).isEqualTo(5);   // 回访率 75 % vs 100 %
        assertThat(agents.get(1).get("tiersBelow").asInt()).isEqualTo(18);  // 5 + success 25 % vs 90 %: 13
        assertThat(agents.get(1).get("deduction").asDouble()).isEqualTo(18.0);
        JsonNode halfPoint = get(SUPERVISOR, "/api/reports/agents?month=2026-11&filter.agent=a2&deductionPerTier=0.5");
        assertThat(halfPoint.get(0).get("deduction").asDouble()).isEqualTo(9.0);
    }

    @Test
    void opinionsComplaintRatesAndDefinitions() {
        JsonNode opinions = get(SUPERVISOR, "/api/reports/opinions?month=2026-11");
        assertThat(opinions).extracting(o -> o.get("visitId").asText() + ":" + o.get("comment").asText())
                .containsExactly("v1:护士很耐心", "v5:建议增加周末回访");
        JsonNode rates = get(SUPERVISOR, "/api/reports/complaint-rates?month=2026-11");
        assertThat(rates.get(0).get("staffId").asText()).isEqualTo("s1");
        assertThat(rates.get(0).get("rate").asDouble()).isEqualTo(1.0 / 3);
        assertThat(rates.get(1).get("staffId").asText()).isEqualTo("s2");
        assertThat(rates.get(1).get("rate").isNull()).isTrue();
        JsonNode definitions = get(token("t1", "LEADERSHIP"), "/api/reports/definitions");
        assertThat(definitions).extracting(d -> d.get("code").asText()).contains("successRate", "complaintRate");
        for (JsonNode d : definitions) {
            assertThat(d.get("definitionZh").asText()).isNotBlank();
            assertThat(d.get("definitionEn").asText()).isNotBlank();
        }
    }

    @Test
    void replayingEveryEventAgainInAnyOrderAndRebuildingGiveTheSameFigures() {
        String uri = "/api/reports/kpis?quarter=2026Q4&groupBy=agent,team,category,channel,plan";
        JsonNode before = get(SUPERVISOR, uri);
        // a replay from the topics: the same events under new ids (so the inbox does not skip them), reversed
        List<AppliedEvent> events = new ArrayList<>(NovemberFixture.events());
        Collections.reverse(events);
        double consumed = consumed();
        events.forEach(e -> publish(e, UUID.randomUUID()));
        // and redeliveries of the original ids, which the inbox skips
        events.forEach(e -> publish(e, e.eventId()));
        awaitConsumed(consumed + events.size());
        assertThat(get(SUPERVISOR, uri)).isEqualTo(before);

        http.post().uri("/api/reports/rebuild").headers(h -> h.setBearerAuth(token("t1", "ADMIN"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.visits").isEqualTo(9).jsonPath("$.issues").isEqualTo(3);
        assertThat(get(SUPERVISOR, uri)).isEqualTo(before);
        http.post().uri("/api/reports/rebuild").headers(h -> h.setBearerAuth(SUPERVISOR)).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void kpiCsvParsesBackWithChineseHeadersAndPercentages() {
        EntityExchangeResult<byte[]> res = http.get().uri("/api/reports/kpis.csv?month=2026-11&groupBy=agent")
                .headers(h -> h.setBearerAuth(SUPERVISOR)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(new MediaType("text", "csv"))
                .expectBody(byte[].class).returnResult();
        String disposition = res.getResponseHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
        assertThat(disposition).startsWith("attachment;")
                .contains("filename*=UTF-8''%E5%9B%9E%E8%AE%BF%E6%8C%87%E6%A0%87-2026-11.csv");
        String csv = new String(res.getResponseBody(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF");
        List<String> lines = csv.substring(1).lines().toList();
        assertThat(lines.get(0)).startsWith("回访员,应访量,");
        assertThat(lines).hasSize(5); // header, -, a1, a2, total
        List<String> header = List.of(lines.get(0).split(","));
        List<String> total = List.of(lines.get(4).split(",", -1));
        assertThat(total.get(0)).isEqualTo("合计");
        assertThat(total.get(header.indexOf("应访量"))).isEqualTo("8");
        assertThat(total.get(header.indexOf("回访成功率"))).isEqualTo("50.00%");

        String en = http.get().uri("/api/reports/kpis.csv?month=2026-11&lang=en")
                .headers(h -> h.setBearerAuth(SUPERVISOR)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(en.substring(1).lines().findFirst().orElseThrow()).startsWith("Visits due,");
    }

    @Test
    void kpiXlsxParsesBackWithNumbersAsNumbers() throws Exception {
        EntityExchangeResult<byte[]> res = http.get().uri("/api/reports/kpis.xlsx?month=2026-11&lang=en")
                .headers(h -> h.setBearerAuth(SUPERVISOR)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .expectBody(byte[].class).returnResult();
        assertThat(res.getResponseHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .contains("filename=\"kpis-2026-11.xlsx\"");
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(res.getResponseBody()))) {
            List<Row> rows;
            try (Stream<Row> s = wb.getFirstSheet().openStream()) {
                rows = s.toList();
            }
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Visits due");
            assertThat(rows.get(1).getCellAsNumber(0).orElseThrow().intValue()).isEqualTo(8);
            int successRate = -1;
            for (int c = 0; c < rows.get(0).getCellCount(); c++) {
                if ("Success rate".equals(rows.get(0).getCellText(c))) {
                    successRate = c;
                }
            }
            assertThat(rows.get(1).getCellAsNumber(successRate).orElseThrow().doubleValue()).isEqualTo(0.5);
        }
    }

    @Test
    void monthlyAndQuarterlyWorkbooksHaveSummaryAgentsIssuesAndOpinions() throws Exception {
        EntityExchangeResult<byte[]> res = http.get().uri("/api/reports/monthly.xlsx?month=2026-11")
                .headers(h -> h.setBearerAuth(token("t1", "AUDITOR"))).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult();
        assertThat(res.getResponseHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .contains("filename*=UTF-8''" + java.net.URLEncoder.encode("回访月报-2026-11.xlsx", StandardCharsets.UTF_8));
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(res.getResponseBody()))) {
            assertThat(wb.getSheets().map(Sheet::getName).toList())
                    .containsExactly("汇总", "回访员绩效", "问题件", "意见建议", "员工投诉率");
            List<Row> issues;
            try (Stream<Row> s = wb.getSheet(2).orElseThrow().openStream()) {
                issues = s.toList();
            }
            assertThat(issues).hasSize(4); // header + i3, i1, i2
            assertThat(issues.get(3).getCellText(1)).isEqualTo("i2");
            assertThat(issues.get(3).getCellText(7)).isEqualTo("SUPERVISOR");
        }
        byte[] quarterly = http.get().uri("/api/reports/quarterly.xlsx?quarter=2026Q4&lang=en")
                .headers(h -> h.setBearerAuth(SUPERVISOR)).exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches(HttpHeaders.CONTENT_DISPOSITION, ".*quarterly-report-2026-Q4\\.xlsx.*")
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(quarterly))) {
            // P1 visits every household it serves and never drew a sample: not a sampling plan, no Sampling sheet
            // (the sampling plans' sheet is tested with tenant ts in PlanReportApiTests)
            assertThat(wb.getSheets().map(Sheet::getName).toList())
                    .startsWith("Summary", "Agents", "Issues", "Opinions").doesNotContain("Sampling");
        }
        http.get().uri("/api/reports/monthly.xlsx?quarter=2026Q4").headers(h -> h.setBearerAuth(SUPERVISOR)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("month");
    }

    private void badRequest(String uri, String field) {
        http.get().uri(uri).headers(h -> h.setBearerAuth(SUPERVISOR)).exchange()
                .expectStatus().isEqualTo(HttpStatus.BAD_REQUEST)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    @Test
    void invalidRangesDimensionsAndFiltersAreProblems() {
        badRequest("/api/reports/kpis?from=2026-11-30&to=2026-11-01", "to");
        badRequest("/api/reports/kpis?from=2025-01-01&to=2026-01-02", "to");
        badRequest("/api/reports/kpis", "from");
        badRequest("/api/reports/kpis?month=2026-13", "month");
        badRequest("/api/reports/kpis?quarter=2026Q5", "quarter");
        badRequest("/api/reports/kpis?month=2026-11&quarter=2026Q4", "month");
        badRequest("/api/reports/kpis?month=2026-11&groupBy=agent,colour", "groupBy");
        badRequest("/api/reports/kpis?month=2026-11&filter.colour=red", "filter.colour");
        badRequest("/api/reports/kpis.csv?from=2026-11-30&to=2026-11-01", "to");
        badRequest("/api/reports/summary?from=2026-11-30&to=2026-11-01", "to");
        http.get().uri("/api/reports/kpis?from=2026-11-30&to=2026-11-01")
                .headers(h -> h.setBearerAuth(SUPERVISOR)).header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("must not be before from");
        // a range of exactly 366 days is allowed
        get(SUPERVISOR, "/api/reports/kpis?from=2025-12-01&to=2026-12-01");
    }

    @Test
    void agentsMayNotReadReports() {
        http.get().uri(NOVEMBER).headers(h -> h.setBearerAuth(token("t1", "AGENT"))).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/reports/kpis.xlsx?month=2026-11").headers(h -> h.setBearerAuth(token("t1", "AGENT")))
                .exchange().expectStatus().isForbidden();
        http.get().uri(NOVEMBER).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aCustomersErasureDropsTheirOpinionsEvenWhenTheSurveyArrivesAfterIt() {
        Instant due = Instant.parse("2026-11-10T02:00:00Z");
        List<AppliedEvent> events = List.of(
                ReportingEvents.planned("t4", "w1", "se9", "P1", due, null, "PHONE", "a1"),
                ReportingEvents.survey("t4", "w1", "P1", "a1", due, 2.0, false, 3, null, false, "太慢了"),
                ReportingEvents.planned("t4", "w2", "se9", "P1", due, null, "PHONE", "a1"),
                ReportingEvents.event("t4", "erase-c-w2", due.plusSeconds(60),
                        new CustomerErased("c-w2", "req-1", due.plusSeconds(60))),
                ReportingEvents.survey("t4", "w2", "P1", "a1", due.plusSeconds(120), 5.0, true, 10, null, false,
                        "很好，谢谢"));
        double consumed = consumed();
        events.forEach(e -> publish(e, e.eventId()));
        awaitConsumed(consumed + events.size());
        String t4 = token("t4", "SUPERVISOR");
        JsonNode opinions = get(t4, "/api/reports/opinions?month=2026-11");
        assertThat(opinions).extracting(o -> o.get("visitId").asText()).containsExactly("w1");
        // the erased customer's answers still count, only the free text is gone
        assertThat(get(t4, NOVEMBER).get("total").get("values").get("surveys").asInt()).isEqualTo(2);
    }

    @Test
    void anotherTenantSeesOnlyItsOwnFigures() {
        assertThat(get(token("t2", "SUPERVISOR"), NOVEMBER).get("total").get("values").get("due").asInt()).isEqualTo(1);
        String stranger = token("t3", "SUPERVISOR", "ADMIN");
        JsonNode none = get(stranger, NOVEMBER + "&groupBy=agent");
        assertThat(none.get("rows")).isEmpty();
        assertThat(none.get("total").get("values").get("due").asInt()).isZero();
        assertThat(get(stranger, "/api/reports/opinions?month=2026-11")).isEmpty();
        assertThat(get(stranger, "/api/reports/complaint-rates?month=2026-11")).isEmpty();
        http.post().uri("/api/reports/rebuild").headers(h -> h.setBearerAuth(stranger)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.visits").isEqualTo(0);
        assertThat(november().get("due").asInt()).isEqualTo(8);
    }
}
