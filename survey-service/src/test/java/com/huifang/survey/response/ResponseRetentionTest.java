package com.huifang.survey.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.huifang.platform.retention.RetentionPurge;
import com.huifang.survey.SurveyServiceTestBase;
import com.huifang.survey.SurveyTemplates;
import com.huifang.survey.link.domain.LinkState;
import com.huifang.survey.link.store.LinkDocument;
import com.huifang.survey.response.store.ResponseDocument;
import com.huifang.survey.visit.store.SurveyVisitDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The tenant's retention (default 3 years) over survey responses and links, with the clock moved: what outlived
 * it loses everything personal but keeps its scores; what did not is left exactly as it was.
 */
class ResponseRetentionTest extends SurveyServiceTestBase {

    /** The platform default: 1095 days. */
    private static final Duration RETENTION = Duration.ofDays(1095);

    @Autowired
    private RetentionPurge purge;

    private ResponseDocument answered(String tenant, String text) {
        SurveyVisitDocument visit = visit(tenant, "every-type");
        Map<String, Object> answers = new HashMap<>();
        answers.put("overall", 2);
        answers.put("why", text);
        answers.put("nurses", "ok");
        answers.put("recommend", 6);
        answers.put("symptom", false);
        answer(tenant, Map.of("visitId", visit.visitId, "answers", answers)).expectStatus().isCreated();
        return document(tenant, visit.visitId);
    }

    private ResponseDocument document(String tenant, String visitId) {
        return mongo.findOne(Query.query(Criteria.where("tenantId").is(tenant).and("visitId").is(visitId)),
                ResponseDocument.class).block();
    }

    private Document raw(String id, String collection) {
        return mongo.findById(id, Document.class, collection).block();
    }

    private LinkDocument link(String tenant) {
        LinkDocument link = new LinkDocument();
        link.tokenHash = UUID.randomUUID().toString();
        link.tenantId = tenant;
        link.visitId = "v-" + UUID.randomUUID();
        link.customerId = "c-" + UUID.randomUUID();
        link.templateId = "every-type";
        link.templateVersion = 1;
        link.channel = "SMS";
        link.issuedAt = CLOCK.instant();
        link.expiresAt = CLOCK.instant().plus(Duration.ofDays(7));
        link.state = LinkState.ISSUED;
        return mongo.insert(link).block();
    }

    @Test
    void whenResponsesOutliveTheRetentionThenExactlyThoseLoseTheirPersonalContentAndKeepTheirScores() {
        Instant start = CLOCK.instant();
        try {
            String tenant = newTenant();
            createTemplate(tenant, SurveyTemplates.everyType()).expectStatus().isCreated();
            ResponseDocument old = answered(tenant, "老客户的意见 " + UUID.randomUUID());
            LinkDocument oldLink = link(tenant);
            CLOCK.advance(Duration.ofDays(200));
            ResponseDocument recent = answered(tenant, "新客户的意见 " + UUID.randomUUID());
            LinkDocument recentLink = link(tenant);

            // the old response is 1 day past the retention, the recent one 199 days short of it
            CLOCK.set(start.plus(RETENTION).plus(Duration.ofDays(1)));
            RetentionPurge.Report report = purge.purgeIfDue().block();
            // (if the service's own periodic check claimed this period first, it purges the same: wait for it)
            await().atMost(Duration.ofSeconds(30)).until(() -> document(tenant, old.visitId).anonymisedAt != null);
            if (report.ran()) {
                assertThat(report.anonymised().get("responses")).isGreaterThanOrEqualTo(1L);
            }

            ResponseDocument purged = document(tenant, old.visitId);
            assertThat(purged.answers).isNull();
            assertThat(purged.comments).isNullOrEmpty();
            assertThat(purged.flagNote).isNull();
            assertThat(purged.customerId).isNull();
            assertThat(raw(purged.id, "responses").toJson()).doesNotContain(old.comments.get(0))
                    .doesNotContain(old.customerId);
            assertThat(purged.rating).isEqualTo(2.0);
            assertThat(purged.satisfied).isFalse();
            assertThat(purged.nps).isEqualTo(6);
            assertThat(purged.npsClass).isEqualTo("DETRACTOR");
            assertThat(purged.problemQuestionIds).isEqualTo(old.problemQuestionIds);
            assertThat(purged.lowScore).isEqualTo(old.lowScore);
            assertThat(purged.raisesIssue).isEqualTo(old.raisesIssue);
            assertThat(purged.agentId).isEqualTo("agent-li");
            assertThat(purged.templateVersion).isEqualTo(1);
            assertThat(purged.submittedAt).isEqualTo(old.submittedAt);

            ResponseDocument kept = document(tenant, recent.visitId);
            assertThat(kept.anonymisedAt).isNull();
            assertThat(kept.answers).isEqualTo(recent.answers);
            assertThat(kept.comments).isEqualTo(recent.comments).hasSize(1);
            assertThat(kept.customerId).isEqualTo(recent.customerId);

            assertThat(raw(oldLink.tokenHash, "survey_links")).isNull();
            assertThat(raw(recentLink.tokenHash, "survey_links")).isNotNull();
            // the answers page of the purged response still answers, with its scores
            http.get().uri("/api/surveys/visits/{id}/response", old.visitId).headers(h -> h.setBearerAuth(agent(tenant)))
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.rating").isEqualTo(2.0);
        } finally {
            CLOCK.set(start);
        }
    }
}
