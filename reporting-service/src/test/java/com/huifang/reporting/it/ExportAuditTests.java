package com.huifang.reporting.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.AuditRecorded;
import com.huifang.platform.audit.AuditTrail;
import com.huifang.testsupport.TestInfrastructure;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Every export leaves one audit entry (report.exported) naming who exported which report and range,
 * in which format with which filters, and nothing about customers; a rejected export leaves none.
 */
class ExportAuditTests extends ReportingIntegrationTest {

    private static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    @Autowired
    ReactiveMongoTemplate mongo;

    /** The audit entries of a tenant on huifang.audit, read until {@code expected} arrived and a second more. */
    private static List<AuditRecorded> auditEntries(String tenant, int expected) {
        return auditEntries(tenant, null, expected);
    }

    /** The same, of one actor only (null: any). */
    private static List<AuditRecorded> auditEntries(String tenant, String actor, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "audit-check-" + UUID.randomUUID());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<AuditRecorded> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.AUDIT, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            long settle = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settle)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    EventEnvelope e = EventJson.read(r.value());
                    if (tenant.equals(e.tenantId()) && "AuditRecorded".equals(e.type())) {
                        AuditRecorded entry = EventJson.payload(e, AuditRecorded.class);
                        if (actor == null || actor.equals(entry.actor())) {
                            found.add(entry);
                        }
                    }
                }
                if (found.size() >= expected && settle == Long.MAX_VALUE) {
                    settle = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                }
            }
        }
        return found;
    }

    /**
     * Entries of the tenant in the trail's append-only store, once the relay has moved every waiting
     * one out of {@code audit_log} (it deletes a stand-alone entry as soon as the broker has it).
     */
    private long storedEntries(String tenant) {
        Query ofTenant = Query.query(Criteria.where("tenantId").is(tenant));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.count(ofTenant, AuditTrail.COLLECTION).block() == 0);
        return mongo.count(ofTenant, com.huifang.reporting.audit.store.AuditEntryDocument.COLLECTION).block();
    }

    @Test
    void aCsvExportLeavesOneEntryWithTheSupervisorTheReportTheRangeAndTheFilters() {
        String tenant = "ea-" + UUID.randomUUID().toString().substring(0, 8);
        http.get().uri("/api/reports/kpis.csv?month=2026-11&groupBy=agent&filter.channel=PHONE,LETTER&lang=en")
                .headers(h -> h.setBearerAuth(token(tenant, "SUPERVISOR"))).exchange()
                .expectStatus().isOk().expectBody(byte[].class);

        List<AuditRecorded> entries = auditEntries(tenant, 1);
        assertThat(entries).hasSize(1);
        AuditRecorded entry = entries.get(0);
        assertThat(entry.action()).isEqualTo("report.exported");
        assertThat(entry.actor()).isEqualTo("user-" + tenant);
        assertThat(entry.actorRole()).isEqualTo("SUPERVISOR");
        assertThat(entry.service()).isEqualTo("reporting-service");
        assertThat(entry.targetType()).isEqualTo("report");
        assertThat(entry.targetId()).isEqualTo("kpis/2026-11");
        assertThat(entry.after()).isEqualTo(Map.of(
                "format", "csv", "lang", "en", "from", "2026-11-01", "to", "2026-11-30", "groupBy", "agent",
                "filter.channel", "LETTER,PHONE"));
        assertThat(entry.before()).isEmpty();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> storedEntries(tenant) == 1);
        assertThat(storedEntries(tenant)).as("kept once by the trail's owner").isEqualTo(1);
    }

    @Test
    void xlsxAndSupervisorWorkbookExportsAreAuditedEachOnce() {
        String tenant = "ea-" + UUID.randomUUID().toString().substring(0, 8);
        String auditor = token(tenant, "AUDITOR");
        for (String uri : List.of("/api/reports/kpis.xlsx?from=2026-11-01&to=2026-11-15",
                "/api/reports/monthly.xlsx?month=2026-11", "/api/reports/quarterly.xlsx?quarter=2026Q4")) {
            http.get().uri(uri).headers(h -> h.setBearerAuth(auditor)).exchange()
                    .expectStatus().isOk().expectBody(byte[].class);
        }
        List<AuditRecorded> entries = auditEntries(tenant, 3);
        assertThat(entries).extracting(AuditRecorded::targetId)
                .containsExactlyInAnyOrder("kpis/2026-11-01..2026-11-15", "monthly/2026-11", "quarterly/2026-Q4");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.action()).isEqualTo("report.exported");
            assertThat(e.actorRole()).isEqualTo("AUDITOR");
            assertThat(e.after()).containsEntry("format", "xlsx").containsEntry("lang", "zh-CN");
        });
    }

    @Test
    void agentsOpinionsAndComplaintRatesExportAsCsvAndExcelAndEachExportIsAudited() throws Exception {
        fixturePublished();
        String exporter = "exporter-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestInfrastructure.token("t1", exporter, "SUPERVISOR");

        String agents = http.get().uri("/api/reports/agents.csv?month=2026-11&lang=en")
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(new MediaType("text", "csv"))
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, d -> assertThat(d)
                        .contains("filename=\"agents-2026-11.csv\""))
                .expectBody(String.class).returnResult().getResponseBody();
        List<String> lines = agents.substring(1).lines().toList();
        assertThat(lines.get(0)).startsWith("Agent,Visits due,");
        assertThat(lines.stream().map(l -> l.split(",")[0]).toList()).contains("a1", "a2");

        byte[] opinions = http.get().uri("/api/reports/opinions.xlsx?month=2026-11")
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectHeader().contentType(XLSX).expectBody(byte[].class).returnResult().getResponseBody();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(opinions));
             Stream<Row> rows = wb.getFirstSheet().openStream()) {
            List<Row> all = rows.toList();
            assertThat(all.get(0).getCellText(0)).isEqualTo("日期");
            assertThat(all).hasSizeGreaterThan(1);
        }

        String rates = http.get().uri("/api/reports/complaint-rates.csv?month=2026-11")
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(rates.substring(1).lines().findFirst().orElseThrow()).startsWith("员工,投诉数,");

        http.get().uri("/api/reports/agents.pdf?month=2026-11").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isNotFound();

        assertThat(auditEntries("t1", exporter, 3)).extracting(AuditRecorded::targetId, e -> e.after().get("format"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("agents/2026-11", "csv"),
                        org.assertj.core.groups.Tuple.tuple("opinions/2026-11", "xlsx"),
                        org.assertj.core.groups.Tuple.tuple("complaint-rates/2026-11", "csv"));
    }

    @Test
    void aRejectedExportLeavesNoEntry() {
        String tenant = "ea-" + UUID.randomUUID().toString().substring(0, 8);
        http.get().uri("/api/reports/kpis.csv?month=2026-13").headers(h -> h.setBearerAuth(token(tenant, "SUPERVISOR")))
                .exchange().expectStatus().isBadRequest();
        http.get().uri("/api/reports/monthly.xlsx?month=2026-11").headers(h -> h.setBearerAuth(token(tenant, "AGENT")))
                .exchange().expectStatus().isForbidden();
        http.get().uri("/api/reports/quarterly.xlsx").headers(h -> h.setBearerAuth(token(tenant, "SUPERVISOR")))
                .exchange().expectStatus().isBadRequest();
        http.get().uri("/api/reports/agents.xlsx?month=2026-11&pointsPerTier=many")
                .headers(h -> h.setBearerAuth(token(tenant, "SUPERVISOR"))).exchange().expectStatus().isBadRequest();
        // then one export that succeeds: once its entry is on the topic, any entry of the rejected ones
        // (written before it, by the same relay) would be there too — no need to wait out a deadline
        http.get().uri("/api/reports/kpis.csv?month=2026-11").headers(h -> h.setBearerAuth(token(tenant, "SUPERVISOR")))
                .exchange().expectStatus().isOk().expectBody(byte[].class);
        assertThat(auditEntries(tenant, 1)).singleElement()
                .satisfies(e -> assertThat(e.targetId()).isEqualTo("kpis/2026-11"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> storedEntries(tenant) >= 1);
        assertThat(storedEntries(tenant)).isEqualTo(1);
    }
}
