package com.huifang.reporting.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.contracts.events.PlanTargetsChanged;
import com.huifang.contracts.events.SampleDrawn;
import com.huifang.reporting.audit.store.AuditEntryDocument;
import com.huifang.reporting.facts.domain.AppliedEvent;
import com.huifang.reporting.facts.domain.ReportingEvents;
import com.huifang.reporting.kpi.domain.SamplingFixture;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

/**
 * Sampling compliance per plan, plan targets and the issues list through the topics and the API: tenant
 * "ts" serves 100 households in November 2026 (2 of them mandatory inclusions); schedule-service's draw of
 * plan SAMPLE for November (SampleDrawn: 100 households → 20 % → 20 required, 2 mandatory, 22 selected)
 * arrives, then a stale copy drawn earlier; SAMPLE visits the 22, 20 successfully. In December 5 households
 * are served and nothing is drawn. Its targets arrive as PlanTargetsChanged v2 then the older v1. The issues
 * list reads the November fixture of tenant t1.
 */
class PlanReportApiTests extends ReportingIntegrationTest {

    private static final String TS = "ts";
    private static final String TS_SUPERVISOR = token(TS, "SUPERVISOR");
    private static volatile boolean samplingPublished;

    @Autowired
    ReactiveMongoTemplate mongo;

    @BeforeEach
    void fixtures() {
        fixturePublished();
        synchronized (PlanReportApiTests.class) {
            if (samplingPublished) {
                return;
            }
            LocalDate served = LocalDate.of(2026, 11, 10);
            List<AppliedEvent> events = new ArrayList<>(SamplingFixture.served(TS, "n", 100, "REPAIRED", served, 2));
            events.addAll(SamplingFixture.visits(TS, "SAMPLE", "n", 22, 20, served));
            events.add(SamplingFixture.drawEvent(TS, "SAMPLE", "2026-11", 100, 20, 20, 2, 22));
            // a copy drawn earlier (another event) never replaces the later draw
            SampleDrawn stale = new SampleDrawn("SAMPLE", "2026-11", 90, 30, 27, 2, 27, Instant.parse("2026-11-20T01:00:00Z"));
            events.add(ReportingEvents.event(TS, "drawn-stale", stale.drawnAt(), stale));
            events.addAll(SamplingFixture.served(TS, "d", 5, "REPAIRED", LocalDate.of(2026, 12, 10), 0));
            Instant at = Instant.parse("2026-10-01T00:00:00Z");
            events.add(ReportingEvents.event(TS, "targets-v2", at.plusSeconds(60),
                    new PlanTargetsChanged("SAMPLE", 2, "维修抽样回访", 100.0, 95.0, false, at.plusSeconds(60))));
            events.add(ReportingEvents.event(TS, "targets-v1", at,
                    new PlanTargetsChanged("SAMPLE", 1, "old", 50.0, 50.0, false, at)));
            double before = consumed();
            events.forEach(e -> publish(e, e.eventId()));
            awaitConsumed(before + events.size());
            samplingPublished = true;
        }
    }

    @Test
    void samplingOfAHundredHouseholdsIsJudgedOnTheDrawAndAPeriodNotDrawnDoesNotComply() {
        JsonNode r = get(TS_SUPERVISOR, "/api/reports/sampling?month=2026-11");
        assertThat(r.get("period").asText()).isEqualTo("MONTH");
        assertThat(r.get("plans")).hasSize(1);
        JsonNode s = r.get("plans").get(0);
        assertThat(s.get("plan").asText()).isEqualTo("SAMPLE");
        assertThat(s.get("period").asText()).isEqualTo("2026-11");
        assertThat(s.get("drawn").asBoolean()).isTrue();
        assertThat(s.get("population").asLong()).isEqualTo(100);
        assertThat(s.get("requiredRatio").asDouble()).isEqualTo(0.2);
        assertThat(s.get("required").asLong()).isEqualTo(20);
        assertThat(s.get("mandatory").asLong()).isEqualTo(2);
        assertThat(s.get("selected").asLong()).isEqualTo(22);
        assertThat(s.get("visited").asLong()).isEqualTo(20);
        assertThat(s.get("mandatoryVisited").asLong()).isEqualTo(2);
        assertThat(s.get("compliant").asBoolean()).isTrue();
        assertThat(r.get("compliant").asBoolean()).isTrue();

        // December: 5 households served, no draw → not drawn, not compliant
        JsonNode december = get(TS_SUPERVISOR, "/api/reports/sampling?month=2026-12");
        JsonNode d = december.get("plans").get(0);
        assertThat(d.get("period").asText()).isEqualTo("2026-12");
        assertThat(d.get("drawn").asBoolean()).isFalse();
        assertThat(d.get("population").asLong()).isEqualTo(5);
        assertThat(d.get("requiredRatio").isNull()).isTrue();
        assertThat(d.get("compliant").asBoolean()).isFalse();
        assertThat(december.get("compliant").asBoolean()).isFalse();

        // by month over the quarter: October is before the first draw; by quarter: the months added up
        JsonNode months = get(TS_SUPERVISOR, "/api/reports/sampling?from=2026-10-01&to=2026-12-31&period=month");
        assertThat(months.get("plans")).extracting(p -> p.get("period").asText() + ":" + p.get("drawn").asBoolean())
                .containsExactly("2026-11:true", "2026-12:false");
        JsonNode quarter = get(TS_SUPERVISOR, "/api/reports/sampling?quarter=2026Q4");
        assertThat(quarter.get("period").asText()).isEqualTo("QUARTER");
        JsonNode q = quarter.get("plans").get(0);
        assertThat(q.get("period").asText()).isEqualTo("2026-Q4");
        assertThat(q.get("drawn").asBoolean()).isFalse();
        assertThat(q.get("population").asLong()).isEqualTo(105);
        assertThat(q.get("required").asLong()).isEqualTo(20);
        assertThat(q.get("visited").asLong()).isEqualTo(20);
        assertThat(q.get("compliant").asBoolean()).isFalse();

        // another tenant sees none of it
        assertThat(get(SUPERVISOR, "/api/reports/sampling?month=2026-11").get("plans")).isEmpty();
        assertThat(get(token("t-other", "LEADERSHIP"), "/api/reports/sampling?quarter=2026Q4").get("plans")).isEmpty();
    }

    @Test
    void theQuarterlyWorkbookListsTheSamplingOfTheQuarter() throws Exception {
        byte[] quarterly = http.get().uri("/api/reports/quarterly.xlsx?quarter=2026Q4&lang=en")
                .headers(h -> h.setBearerAuth(TS_SUPERVISOR)).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(quarterly))) {
            List<Row> sampling;
            try (Stream<Row> rows = wb.findSheet("Sampling").orElseThrow().openStream()) {
                sampling = rows.toList();
            }
            assertThat(sampling).hasSize(2);
            Row q4 = sampling.get(1);
            assertThat(q4.getCellText(0)).isEqualTo("SAMPLE");
            assertThat(q4.getCellText(1)).isEqualTo("2026-Q4");
            assertThat(q4.getCellText(2)).isEqualTo("no");                                     // December not drawn
            assertThat(q4.getCellAsNumber(3).orElseThrow().intValue()).isEqualTo(105);
            assertThat(q4.getCellAsNumber(6).orElseThrow().intValue()).isEqualTo(20);
            assertThat(q4.getCellAsNumber(7).orElseThrow().intValue()).isEqualTo(22);
            assertThat(q4.getCellAsNumber(8).orElseThrow().intValue()).isEqualTo(20);
            assertThat(q4.getCellText(10)).isEqualTo("no");
        }
    }

    @Test
    void planTargetsKeepTheHighestVersionAndJudgeThePlansFigures() {
        // the 22 visits fall due on 2026-12-05: 20 successful, 2 open → attempted 20/22, success 20/22
        JsonNode r = get(TS_SUPERVISOR, "/api/reports/plan-targets?month=2026-12");
        assertThat(r.get("plans")).hasSize(1);
        JsonNode p = r.get("plans").get(0);
        assertThat(p.get("plan").asText()).isEqualTo("SAMPLE");
        assertThat(p.get("target").get("version").asInt()).isEqualTo(2);
        assertThat(p.get("target").get("name").asText()).isEqualTo("维修抽样回访");
        assertThat(p.get("coverage").get("target").asDouble()).isEqualTo(1.0);
        assertThat(p.get("coverage").get("actual").asDouble()).isEqualTo(20.0 / 22);
        assertThat(p.get("coverage").get("met").asBoolean()).isFalse();
        assertThat(p.get("successRate").get("target").asDouble()).isEqualTo(0.95);
        assertThat(p.get("successRate").get("actual").asDouble()).isEqualTo(20.0 / 22);
        assertThat(p.get("successRate").get("met").asBoolean()).isFalse();

        byte[] csv = http.get().uri("/api/reports/plan-targets.csv?month=2026-12&lang=en")
                .headers(h -> h.setBearerAuth(TS_SUPERVISOR)).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        String[] lines = new String(csv, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines[0]).isEqualTo("Plan,Plan name,Plan version,Attempted rate target,Attempted rate,"
                + "Attempted rate met,Success rate target,Success rate,Success rate met");
        assertThat(lines[1]).isEqualTo("SAMPLE,维修抽样回访,2,100.00%,90.91%,no,95.00%,90.91%,no");

        // November has no visit due: the target is shown, not judged
        JsonNode nov = get(TS_SUPERVISOR, "/api/reports/plan-targets?month=2026-11").get("plans").get(0);
        assertThat(nov.get("coverage").get("actual").isNull()).isTrue();
        assertThat(nov.get("coverage").get("met").isNull()).isTrue();

        // t1's plan P1 has no targets: its figures, no target; and t1 never sees ts's targets
        JsonNode t1 = get(SUPERVISOR, "/api/reports/plan-targets?month=2026-11").get("plans");
        assertThat(t1).extracting(x -> x.get("plan").asText()).containsExactly("P1");
        assertThat(t1.get(0).get("target").isNull()).isTrue();
        assertThat(t1.get(0).get("coverage").get("actual").asDouble()).isEqualTo(6.0 / 8);
    }

    @Test
    void theIssuesListIsFilteredAndPaginated() {
        JsonNode all = get(SUPERVISOR, "/api/reports/issues?month=2026-11");
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(all.get("items")).extracting(i -> i.get("issueId").asText()).containsExactly("i3", "i1", "i2");
        JsonNode i1 = all.get("items").get(1);
        assertThat(i1.get("status").asText()).isEqualTo("CLOSED");
        assertThat(i1.get("department").asText()).isEqualTo("CARE");
        assertThat(i1.get("staffIds")).extracting(JsonNode::asText).containsExactly("s1");
        assertThat(i1.has("customerId")).isFalse();

        JsonNode page = get(SUPERVISOR, "/api/reports/issues?month=2026-11&page=1&size=2");
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("items")).extracting(i -> i.get("issueId").asText()).containsExactly("i2");

        JsonNode filtered = get(SUPERVISOR,
                "/api/reports/issues?month=2026-11&filter.status=open,escalated&filter.staff=s2&filter.department=CARE");
        assertThat(filtered.get("items")).extracting(i -> i.get("issueId").asText()).containsExactly("i2");
        assertThat(filtered.get("filters").get("status").asText()).isEqualTo("ESCALATED,OPEN");
        assertThat(get(SUPERVISOR, "/api/reports/issues?month=2026-11&filter.category=DELIVERY").get("total").asLong())
                .isZero();
        // another tenant: nothing
        assertThat(get(TS_SUPERVISOR, "/api/reports/issues?month=2026-11").get("total").asLong()).isZero();
    }

    @Test
    void issueExportsHaveLocalisedHeadersKeepTheFiltersAndAreAudited() throws Exception {
        String tenant = "t1";
        String auditor = token(tenant, "AUDITOR");
        byte[] csv = http.get().uri("/api/reports/issues.csv?month=2026-11&filter.status=CLOSED,RESOLVED&lang=en")
                .headers(h -> h.setBearerAuth(auditor)).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectBody(byte[].class).returnResult().getResponseBody();
        String[] lines = new String(csv, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines[0]).startsWith("Raised on,Issue,Visit,Category,Severity,Department,Status");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("2026-11-12,i3,v5,SERVICE,MAJOR,CARE,RESOLVED");

        byte[] xlsx = http.get().uri("/api/reports/issues.xlsx?quarter=2026Q4")
                .headers(h -> h.setBearerAuth(auditor)).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
             Stream<Row> rows = wb.getFirstSheet().openStream()) {
            List<Row> list = rows.toList();
            assertThat(list.get(0).getCellAsString(0)).contains("登记日期");
            assertThat(list).hasSize(4);
        }

        byte[] sampling = http.get().uri("/api/reports/sampling.csv?month=2026-11&lang=en")
                .headers(h -> h.setBearerAuth(TS_SUPERVISOR)).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        String[] samplingLines = new String(sampling, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(samplingLines[0]).isEqualTo("Plan,Period,Drawn,Households served,Required ratio,Mandatory households,"
                + "Required,Selected,Visited,Mandatory visited,Compliant");
        assertThat(samplingLines[1]).isEqualTo("SAMPLE,2026-11,yes,100,20.00%,2,20,22,20,2,yes");

        Query exported = Query.query(Criteria.where("tenantId").is(tenant).and("action").is("report.exported")
                .and("targetId").in("issues/2026-11", "issues/2026-Q4").and("actorRole").is("AUDITOR"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.count(exported, AuditEntryDocument.class).block() >= 2);
        List<AuditEntryDocument> entries = mongo.find(exported, AuditEntryDocument.class).collectList().block();
        AuditEntryDocument csvEntry = entries.stream().filter(e -> e.targetId.equals("issues/2026-11")).findFirst()
                .orElseThrow();
        assertThat(csvEntry.after).extracting(f -> f.name + "=" + f.value)
                .contains("format=csv", "lang=en", "filter.status=CLOSED,RESOLVED");
        Query samplingExported = Query.query(Criteria.where("tenantId").is(TS).and("action").is("report.exported")
                .and("targetId").is("sampling/2026-11"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.count(samplingExported, AuditEntryDocument.class).block() == 1);
    }

    @Test
    void badRequestsAreProblemsNamingTheParameter() {
        for (String[] c : List.of(
                new String[] {"/api/reports/issues?month=2026-11&filter.customerName=x", "filter.customerName"},
                new String[] {"/api/reports/issues?month=2026-11&filter.status=LOST", "filter.status"},
                new String[] {"/api/reports/issues?month=2026-11&sort=phone", "sort"},
                new String[] {"/api/reports/issues?month=2026-11&size=0", "size"},
                new String[] {"/api/reports/issues?month=2026-11&page=-1", "page"},
                new String[] {"/api/reports/issues?month=2026-11&page=x", "page"},
                new String[] {"/api/reports/issues?from=2026-11-30&to=2026-11-01", "to"},
                new String[] {"/api/reports/issues.csv?from=2025-01-01&to=2026-11-30", "to"},
                new String[] {"/api/reports/issues", "from"},
                new String[] {"/api/reports/sampling?month=2026-11&period=week", "period"},
                new String[] {"/api/reports/sampling?month=2026-11&filter.plan=P1", "filter.plan"},
                new String[] {"/api/reports/sampling.xlsx?from=2026-12-01&to=2026-11-01", "to"},
                new String[] {"/api/reports/plan-targets?month=2026-11&filter.phone=1", "filter.phone"},
                new String[] {"/api/reports/plan-targets?month=2026-11&groupBy=agent", "groupBy"},
                new String[] {"/api/reports/plan-targets?from=2025-01-01&to=2026-11-30", "to"})) {
            http.get().uri(c[0]).headers(h -> h.setBearerAuth(SUPERVISOR)).header("Accept-Language", "en").exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo(c[1]);
        }
        for (String uri : List.of("/api/reports/issues?month=2026-11", "/api/reports/sampling?month=2026-11",
                "/api/reports/plan-targets?month=2026-11", "/api/reports/issues.csv?month=2026-11")) {
            http.get().uri(uri).headers(h -> h.setBearerAuth(token("t1", "AGENT"))).exchange()
                    .expectStatus().isForbidden();
        }
    }
}
