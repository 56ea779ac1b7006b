package com.huifang.customer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.platform.retention.RetentionPurge;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The tenant's retention rule (issue 10 §2): validated, published, copied, and purged by. */
class RetentionApiTests extends CustomerServiceIntegrationTest {

    @Autowired
    RetentionPurge purge;

    @Test
    void aRuleBelowTheLegalMinimumIsRefusedAndStoresNothing() {
        String t = tenant();
        http.put().uri("/api/retention").headers(h -> h.setBearerAuth(token(t, "admin-1", "ADMIN")))
                .header("Accept-Language", "en")
                .bodyValue(Map.of("retentionDays", 365, "legalMinimumDays", 1095)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("retentionDays")
                .jsonPath("$.errors[0].code").isEqualTo("below-legal-minimum");
        http.put().uri("/api/retention").headers(h -> h.setBearerAuth(token(t, "admin-1", "ADMIN")))
                .bodyValue(Map.of("retentionDays", 0)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(2);
        http.put().uri("/api/retention").headers(h -> h.setBearerAuth(token(t, "sup-1", "SUPERVISOR")))
                .bodyValue(Map.of("retentionDays", 2000, "legalMinimumDays", 1095)).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/retention").headers(h -> h.setBearerAuth(token(t, "sup-1", "SUPERVISOR"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.retentionDays").isEqualTo(1095).jsonPath("$.version").isEqualTo(0);
    }

    @Test
    void aSavedRuleIsAuditedCopiedByTheServicesAndPurgedBy() {
        String t = tenant();
        Instant now = CLOCK.instant();
        mongo.insert(new Document("_id", t + ":old").append("tenantId", t).append("jobId", "j")
                .append("createdAt", now.minus(Duration.ofDays(400))), "import_row_errors").block();
        mongo.insert(new Document("_id", t + ":recent").append("tenantId", t).append("jobId", "j")
                .append("createdAt", now.minus(Duration.ofDays(100))), "import_row_errors").block();

        JsonNode saved = http.put().uri("/api/retention").headers(h -> h.setBearerAuth(token(t, "admin-1", "ADMIN")))
                .bodyValue(Map.of("retentionDays", 365, "legalMinimumDays", 180, "reason", "新规")).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(saved.path("version").asInt()).isEqualTo(1);
        assertThat(saved.path("changedBy").asText()).isEqualTo("admin-1");

        // the rule travels through Kafka back into this service's own copy (as into every other service's)
        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.exists(Query.query(Criteria.where("_id").is(t)
                .and("retentionDays").is(365)), "tenant_retention").block());
        // a fresh period for the test (the background purge may have claimed the current one)
        mongo.remove(Query.query(Criteria.where("_id").is("retention-purge")), "platform_leases").block();
        RetentionPurge.Report report = purge.purgeIfDue().block();

        assertThat(report.ran()).isTrue();
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(t + ":old")), "import_row_errors").block()).isFalse();
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(t + ":recent")), "import_row_errors").block())
                .isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(Query.query(Criteria.where("_id").is(t))
                .addCriteria(Criteria.where("outbox").size(0)), "retention_rules").block());
    }
}
