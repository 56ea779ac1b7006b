package com.huifang.reporting.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.AuditRecorded;
import com.huifang.reporting.it.ReportingIntegrationTest;
import com.huifang.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * The audit trail's owner: AuditRecorded events from every service, stored once, searched by
 * supervisors, auditors and admins of the tenant only, exported (and the export audited), never
 * changed through the API.
 */
class AuditTrailApiTests extends ReportingIntegrationTest {

    static final String AU1 = token("au1", "SUPERVISOR");
    static final String AU2 = token("au2", "AUDITOR");
    /** Every fixture entry of au1 except the old one lies in this range; exports made by tests lie after it. */
    static final String NOVEMBER = "from=2026-11-01&to=2026-11-19";
    private static volatile boolean published;

    record Fixture(String name, String tenant, String service, String actor, String role, String action,
                   String targetType, String targetId, String at) {
        String auditId() {
            return UUID.nameUUIDFromBytes(("audit-fixture/" + name).getBytes(StandardCharsets.UTF_8)).toString();
        }

        AuditRecorded payload() {
            Map<String, String> after = new LinkedHashMap<>();
            after.put("state", "PUBLISHED");
            after.put("phone", "138****1234");
            return new AuditRecorded(auditId(), service, actor, role, action, targetType, targetId,
                    Map.of("state", "DRAFT"), after, "月度调整",
                    "corr-" + name, Instant.parse(at));
        }
    }

    static final List<Fixture> ENTRIES = List.of(
            new Fixture("e1", "au1", "schedule-service", "sup1", "SUPERVISOR", "plan.published", "plan", "p1",
                    "2026-11-10T01:00:00Z"),
            new Fixture("e2", "au1", "schedule-service", "sup1", "SUPERVISOR", "plan.retired", "plan", "p1",
                    "2026-11-11T01:00:00Z"),
            new Fixture("e3", "au1", "customer-service", "sup2", "SUPERVISOR", "customer.phone.revealed", "customer",
                    "c1", "2026-11-12T01:00:00Z"),
            new Fixture("e4", "au1", "feedback-service", "h1", "HANDLER", "issue.closed", "issue", "i1",
                    "2026-11-12T01:00:00Z"),
            new Fixture("e5", "au1", "survey-service", "sup1", "SUPERVISOR", "template.published", "template", "tp1",
                    "2026-11-13T01:00:00Z"),
            new Fixture("old", "au1", "schedule-service", "sup1", "SUPERVISOR", "plan.published", "plan", "p0",
                    "2026-09-01T01:00:00Z"),
            new Fixture("other", "au2", "schedule-service", "x1", "SUPERVISOR", "plan.published", "plan", "p1",
                    "2026-11-10T01:00:00Z"));

    static void send(org.springframework.kafka.core.KafkaTemplate<String, String> kafka, Fixture f, UUID eventId) {
        EventEnvelope envelope = EventJson.envelope(eventId, f.payload(), f.tenant(), "it-" + eventId, Instant.parse(f.at()));
        kafka.send(Topics.AUDIT, envelope.key(), EventJson.write(envelope)).join();
    }

    @BeforeEach
    void fixture() {
        synchronized (AuditTrailApiTests.class) {
            if (published) {
                return;
            }
            Fixture e1 = ENTRIES.get(0);
            send(kafka, e1, UUID.fromString(e1.auditId()));
            // a redelivery of the same event and a replay of the same entry under a new event id, on e1's
            // partition (same key) before e2, so once e2 is stored both were processed
            send(kafka, e1, UUID.fromString(e1.auditId()));
            send(kafka, e1, UUID.randomUUID());
            ENTRIES.stream().skip(1).forEach(f -> send(kafka, f, UUID.fromString(f.auditId())));
            await().atMost(Duration.ofSeconds(60)).until(() -> entries(AU1, "from=2026-09-01&to=2026-11-19").size() == 6
                    && entries(AU2, NOVEMBER).size() == 1);
            published = true;
        }
    }

    List<JsonNode> entries(String token, String query) {
        List<JsonNode> out = new ArrayList<>();
        get(token, "/api/audit?limit=200&" + query).get("entries").forEach(out::add);
        return out;
    }

    List<String> ids(String token, String query) {
        return entries(token, query).stream().map(e -> e.get("auditId").asText()).toList();
    }

    static String id(String name) {
        return ENTRIES.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().auditId();
    }

    @Test
    void aRedeliveredOrReplayedEntryIsStoredOnceAndPagesRunNewestFirstWithoutGapsOrRepeats() {
        assertThat(ids(AU1, "from=2026-09-01&to=2026-11-19")).containsOnlyOnce(id("e1")).hasSize(6);

        // e3 and e4 share their time: the audit id breaks the tie, newest first
        List<String> tie = new ArrayList<>(List.of(id("e3"), id("e4")));
        tie.sort(Comparator.reverseOrder());
        List<String> expected = List.of(id("e5"), tie.get(0), tie.get(1), id("e2"), id("e1"));

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = get(AU1, "/api/audit?limit=2&" + NOVEMBER + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("entries").forEach(e -> paged.add(e.get("auditId").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(paged).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(3);

        JsonNode e3 = get(AU1, "/api/audit/" + id("e3"));
        assertThat(e3.get("actor").asText()).isEqualTo("sup2");
        assertThat(e3.get("service").asText()).isEqualTo("customer-service");
        assertThat(e3.get("after").get("phone").asText()).isEqualTo("138****1234");
        assertThat(e3.get("reason").asText()).isEqualTo("月度调整");
        assertThat(e3.get("correlationId").asText()).isEqualTo("corr-e3");
    }

    @Test
    void searchFiltersByActorActionPrefixTargetServiceAndTime() {
        assertThat(ids(AU1, NOVEMBER + "&actor=sup1")).containsExactly(id("e5"), id("e2"), id("e1"));
        assertThat(ids(AU1, NOVEMBER + "&action=plan.")).containsExactly(id("e2"), id("e1"));
        assertThat(ids(AU1, NOVEMBER + "&action=plan.published")).containsExactly(id("e1"));
        // a prefix is literal, not a pattern
        assertThat(ids(AU1, NOVEMBER + "&action=plan.*")).isEmpty();
        assertThat(ids(AU1, NOVEMBER + "&targetType=plan&targetId=p1")).containsExactly(id("e2"), id("e1"));
        assertThat(ids(AU1, NOVEMBER + "&targetType=customer")).containsExactly(id("e3"));
        assertThat(ids(AU1, NOVEMBER + "&service=feedback-service")).containsExactly(id("e4"));
        assertThat(ids(AU1, "from=2026-11-11T01:00:00Z&to=2026-11-12T01:00:00Z")).containsExactly(id("e2"));
        // the default window is the last 30 days: the September entry needs an explicit range
        assertThat(ids(AU1, "action=plan.published")).doesNotContain(id("old")).contains(id("e1"));
        assertThat(ids(AU1, "from=2026-09-01&to=2026-09-30")).containsExactly(id("old"));
    }

    @Test
    void agentsHandlersLeadershipAndPartnersAreRefusedAndAnotherTenantSeesOnlyItsOwn() {
        for (String role : List.of("AGENT", "HANDLER", "LEADERSHIP", "PARTNER")) {
            http.get().uri("/api/audit").headers(h -> h.setBearerAuth(token("au1", role))).exchange()
                    .expectStatus().isForbidden();
            http.get().uri("/api/audit/export.csv").headers(h -> h.setBearerAuth(token("au1", role))).exchange()
                    .expectStatus().isForbidden();
            http.get().uri("/api/audit/" + id("e1")).headers(h -> h.setBearerAuth(token("au1", role))).exchange()
                    .expectStatus().isForbidden();
        }
        assertThat(ids(token("au1", "AUDITOR"), NOVEMBER)).hasSize(5);
        assertThat(ids(token("au1", "ADMIN"), NOVEMBER)).hasSize(5);
        assertThat(ids(AU2, NOVEMBER)).containsExactly(id("other"));
        http.get().uri("/api/audit/" + id("e1")).headers(h -> h.setBearerAuth(AU2)).exchange()
                .expectStatus().isNotFound();
        assertThat(ids(token("nobody", "AUDITOR"), "from=2026-09-01&to=2026-11-19")).isEmpty();
        http.get().uri("/api/audit").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void badSearchesAnswer400NamingTheField() {
        Map<String, String> bad = Map.of(
                "from=2026-11-10&to=2026-11-01", "to",
                "from=2025-01-01&to=2026-11-01", "to",
                "from=2025-01-01", "from",
                "from=last-week", "from",
                "limit=500", "limit",
                "cursor=!!!", "cursor",
                "targetId=p1", "targetType");
        bad.forEach((query, field) -> http.get().uri("/api/audit?" + query).headers(h -> h.setBearerAuth(AU1))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field));
        http.get().uri("/api/audit?from=2026-11-10&to=2026-11-01").headers(h -> {
                    h.setBearerAuth(AU1);
                    h.set("Accept-Language", "en");
                }).exchange()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("must be after from");
        http.get().uri("/api/audit/export.csv?from=2026-11-10&to=2026-11-01").headers(h -> h.setBearerAuth(AU1))
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void noMethodChangesOrDeletesAnEntry() {
        JsonNode before = get(AU1, "/api/audit/" + id("e2"));
        for (HttpMethod method : List.of(HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.POST)) {
            for (String uri : List.of("/api/audit/" + id("e2"), "/api/audit")) {
                http.method(method).uri(uri).headers(h -> h.setBearerAuth(token("au1", "ADMIN", "AUDITOR")))
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("action", "nothing.happened"))
                        .exchange().expectStatus().isEqualTo(405)
                        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            }
        }
        assertThat(get(AU1, "/api/audit/" + id("e2"))).isEqualTo(before);
        assertThat(ids(AU1, NOVEMBER)).hasSize(5);
    }

    @Test
    void theCsvExportHoldsTheMatchingEntriesAndIsItselfAuditedWithItsActor() {
        String exporter = TestInfrastructure.token("au1", "auditor-7", "AUDITOR");
        byte[] body = http.get().uri("/api/audit/export.csv?" + NOVEMBER + "&actor=sup1")
                .headers(h -> h.setBearerAuth(exporter)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(new MediaType("text", "csv"))
                .expectHeader().value("Content-Disposition", v -> assertThat(v).startsWith("attachment;"))
                .expectBody(byte[].class).returnResult().getResponseBody();
        String csv = new String(body, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFat,service,actor,actorRole,action,");
        List<String> lines = csv.lines().skip(1).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("2026-11-13T01:00:00Z,survey-service,sup1,SUPERVISOR,template.published")
                .endsWith(id("e5"));
        assertThat(lines.get(2)).contains("state=DRAFT", ",state=PUBLISHED; phone=138****1234,", "月度调整");

        // the export went through this service's own trail: audit_log → relay → huifang.audit → this store
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<JsonNode> exported = entries(AU1, "action=audit.exported&actor=auditor-7");
            assertThat(exported).hasSize(1);
            JsonNode e = exported.get(0);
            assertThat(e.get("actorRole").asText()).isEqualTo("AUDITOR");
            assertThat(e.get("service").asText()).isEqualTo("reporting-service");
            assertThat(e.get("targetType").asText()).isEqualTo("audit-trail");
            assertThat(e.get("after").get("actor").asText()).isEqualTo("sup1");
        });
        assertThat(entries(AU2, "action=audit.exported")).isEmpty();
    }
}
