package com.huifang.survey.template.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.AuditRecorded;
import com.huifang.survey.SurveyServiceTestBase;
import com.huifang.survey.SurveyTemplates;
import com.huifang.survey.template.domain.Question;
import com.huifang.survey.template.domain.SurveyChannel;
import com.huifang.testsupport.TestInfrastructure;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Issue 10 §1: every change of a survey template writes one audit entry, in the same write as the change. */
class TemplateAuditTest extends SurveyServiceTestBase {

    private static List<AuditRecorded> auditOf(String tenant, String action, int atLeast) {
        return published(Topics.AUDIT, e -> "AuditRecorded".equals(e.type()) && tenant.equals(e.tenantId())
                        && action.equals(EventJson.payload(e, AuditRecorded.class).action()), atLeast)
                .stream().map(e -> EventJson.payload(e, AuditRecorded.class)).toList();
    }

    private static String admin(String tenant) {
        return TestInfrastructure.token(tenant, "admin-wang", "ADMIN", "AGENT");
    }

    @Test
    void creatingPublishingAndRetiringATemplateEachWriteOneEntryNamingTheActorAndTheRoleUsed() {
        String tenant = newTenant();
        var v1 = SurveyTemplates.template("audited", 1, Set.of(SurveyChannel.PHONE), Question.rating("overall", "总体?"));
        createTemplate(tenant, v1).expectStatus().isCreated();

        var v2 = SurveyTemplates.template("audited", 1, Set.of(SurveyChannel.PHONE), Question.rating("overall", "总体?"),
                Question.yesNo("again", "还会再来吗?"));
        http.post().uri("/api/surveys/templates/audited/versions").headers(h -> h.setBearerAuth(admin(tenant)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(createRequest(v2)).exchange()
                .expectStatus().isCreated();

        http.post().uri("/api/surveys/templates/audited/retire").headers(h -> h.setBearerAuth(supervisor(tenant)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "改用新版满意度问卷"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);

        AuditRecorded created = single(auditOf(tenant, "template.created", 1));
        assertThat(created.actor()).isEqualTo("sup-1");
        assertThat(created.actorRole()).isEqualTo("SUPERVISOR");
        assertThat(created.service()).isEqualTo("survey-service");
        assertThat(created.targetType()).isEqualTo("template");
        assertThat(created.targetId()).isEqualTo("audited");
        assertThat(created.before()).isEmpty();
        assertThat(created.after()).containsEntry("version", "1").containsEntry("questions", "1");

        AuditRecorded published = single(auditOf(tenant, "template.published", 1));
        assertThat(published.actor()).isEqualTo("admin-wang");
        assertThat(published.actorRole()).as("the most powerful role of the caller").isEqualTo("ADMIN");
        assertThat(published.before()).containsEntry("version", "1");
        assertThat(published.after()).containsEntry("version", "2").containsEntry("questions", "2");

        AuditRecorded retired = single(auditOf(tenant, "template.retired", 1));
        assertThat(retired.actorRole()).isEqualTo("SUPERVISOR");
        assertThat(retired.reason()).isEqualTo("改用新版满意度问卷");
        assertThat(retired.after()).containsEntry("retired", "true");
        assertThat(retired.correlationId()).isNotBlank();
    }

    @Test
    void aRetiredTemplateStartsNoNewSurveyAndCannotBeRetiredOrRevisedAgain() {
        String tenant = newTenant();
        createTemplate(tenant, SurveyTemplates.everyType()).expectStatus().isCreated();
        var visit = visit(tenant, "every-type");
        http.post().uri("/api/surveys/templates/every-type/retire").headers(h -> h.setBearerAuth(supervisor(tenant)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "停用")).exchange()
                .expectStatus().isOk();

        http.get().uri("/api/surveys/visits/{id}/script", visit.visitId).headers(h -> h.setBearerAuth(agent(tenant)))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("template-retired");
        http.post().uri("/api/surveys/templates/every-type/retire").headers(h -> h.setBearerAuth(supervisor(tenant)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "again")).exchange()
                .expectStatus().isEqualTo(409);
        http.post().uri("/api/surveys/templates/every-type/versions").headers(h -> h.setBearerAuth(supervisor(tenant)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(createRequest(SurveyTemplates.everyType()))
                .exchange().expectStatus().isEqualTo(409);
        // another tenant still uses its own copy of the same id
        String other = newTenant();
        createTemplate(other, SurveyTemplates.everyType()).expectStatus().isCreated();
        http.get().uri("/api/surveys/visits/{id}/script", visit(other, "every-type").visitId)
                .headers(h -> h.setBearerAuth(agent(other))).exchange().expectStatus().isOk();

        assertThat(auditOf(tenant, "template.retired", 1)).hasSize(1);
    }

    @Test
    void aRefusedChangeWritesNoAuditEntry() {
        String tenant = newTenant();
        http.post().uri("/api/surveys/templates/hospital-inpatient/retire").headers(h -> h.setBearerAuth(agent(tenant)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "x")).exchange()
                .expectStatus().isForbidden();
        http.post().uri("/api/surveys/templates/hospital-inpatient/retire")
                .headers(h -> h.setBearerAuth(supervisor(tenant))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", " ")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        var broken = SurveyTemplates.template("broken", 1, Set.of(SurveyChannel.PHONE),
                Question.freeText("why", "为什么?").showIf("nowhere", "1"));
        createTemplate(tenant, broken).expectStatus().isBadRequest();
        // a marker entry of the same tenant, written after the refusals: once it is read, nothing else came
        createTemplate(tenant, SurveyTemplates.everyType()).expectStatus().isCreated();

        List<EventEnvelope> entries = published(Topics.AUDIT, e -> tenant.equals(e.tenantId()), 1);
        assertThat(entries).extracting(e -> EventJson.payload(e, AuditRecorded.class).action())
                .containsExactly("template.created");
    }

    private static AuditRecorded single(List<AuditRecorded> entries) {
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }
}
