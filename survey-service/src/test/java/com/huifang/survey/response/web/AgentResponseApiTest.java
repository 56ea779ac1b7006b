package com.huifang.survey.response.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.contracts.events.SurveySubmitted;
import com.huifang.survey.SurveyServiceTestBase;
import com.huifang.survey.SurveyTemplates;
import com.huifang.survey.template.domain.Question;
import com.huifang.survey.template.domain.SurveyChannel;
import com.huifang.survey.visit.store.SurveyVisitDocument;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class AgentResponseApiTest extends SurveyServiceTestBase {

    /** A valid, satisfied answer to {@link SurveyTemplates#everyType()}. */
    private static Map<String, Object> satisfied() {
        Map<String, Object> answers = new HashMap<>();
        answers.put("overall", 5);
        answers.put("nurses", "satisfied");
        answers.put("topics", List.of("diet", "exercise"));
        answers.put("recommend", 10);
        answers.put("symptom", false);
        return answers;
    }

    private String tenantWithEveryType() {
        String tenant = newTenant();
        createTemplate(tenant, SurveyTemplates.everyType()).expectStatus().isCreated();
        return tenant;
    }

    private static Map<String, Object> request(SurveyVisitDocument visit, Map<String, Object> answers) {
        return Map.of("visitId", visit.visitId, "answers", answers);
    }

    @Test
    void everyQuestionTypeIsAcceptedStoredPinnedToItsVersionAndPublishedWithItsScores() {
        String tenant = tenantWithEveryType();
        SurveyVisitDocument visit = visit(tenant, "every-type");
        JsonNode stored = answer(tenant, request(visit, satisfied())).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(stored.get("templateVersion").asInt()).isEqualTo(1);
        assertThat(stored.get("source").asText()).isEqualTo("AGENT");
        assertThat(stored.get("agentId").asText()).isEqualTo("agent-li");
        assertThat(stored.at("/answers/topics").toString()).isEqualTo("[\"diet\",\"exercise\"]");
        assertThat(stored.at("/answers/symptom").asBoolean()).isFalse();

        SurveySubmitted event = publishedSubmission(stored.get("id").asText());
        assertThat(event.visitId()).isEqualTo(visit.visitId);
        assertThat(event.customerId()).isEqualTo(visit.customerId);
        assertThat(event.templateId()).isEqualTo("every-type");
        assertThat(event.templateVersion()).isEqualTo(1);
        assertThat(event.rating()).isEqualTo(5.0);
        assertThat(event.satisfied()).isTrue();
        assertThat(event.nps()).isEqualTo(10);
        assertThat(event.npsClass()).isEqualTo("PROMOTER");
        assertThat(event.problemQuestionIds()).isEmpty();
        assertThat(event.raisesIssue()).isFalse();

        http.get().uri("/api/surveys/visits/{id}/response", visit.visitId).headers(h -> h.setBearerAuth(agent(tenant)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.rating").isEqualTo(5.0);
    }

    @Test
    void whenTheScoreIsLowAndAnAnswerIsAProblemThenTheEventRaisesAnIssueWithTheMarksAndComments() {
        String tenant = tenantWithEveryType();
        SurveyVisitDocument visit = visit(tenant, "every-type");
        Map<String, Object> answers = satisfied();
        answers.put("overall", 1);
        answers.put("why", "  等了两个小时  ");
        answers.put("nurses", "dissatisfied");
        answers.put("recommend", 3);
        answers.put("symptom", "yes");
        String id = answer(tenant, request(visit, answers)).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();

        SurveySubmitted event = publishedSubmission(id);
        assertThat(event.raisesIssue()).isTrue();
        assertThat(event.satisfied()).isFalse();
        assertThat(event.npsClass()).isEqualTo("DETRACTOR");
        assertThat(event.problemQuestionIds()).containsExactly("overall", "nurses", "symptom"); // 1 ≤ problemAtMost 2
        assertThat(event.comments()).containsExactly("等了两个小时");
    }

    @Test
    void whenTheAgentFlagsASpecialCaseThenTheEventRaisesAnIssueWithTheNote() {
        String tenant = tenantWithEveryType();
        SurveyVisitDocument visit = visit(tenant, "every-type");
        String id = answer(tenant, Map.of("visitId", visit.visitId, "answers", satisfied(), "flagged", true,
                "flagNote", "术后伤口持续疼痛,需主治医生回电")).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
        SurveySubmitted event = publishedSubmission(id);
        assertThat(event.flagged()).isTrue();
        assertThat(event.flagNote()).isEqualTo("术后伤口持续疼痛,需主治医生回电");
        assertThat(event.satisfied()).isTrue();
        assertThat(event.raisesIssue()).isTrue();
    }

    @Test
    void whenAFlagHasNoNoteThenItIsRejected() {
        String tenant = tenantWithEveryType();
        SurveyVisitDocument visit = visit(tenant, "every-type");
        answer(tenant, Map.of("visitId", visit.visitId, "answers", satisfied(), "flagged", true))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("flagNote");
        assertThat(responsesOf(tenant)).isZero();
    }

    @ParameterizedTest(name = "{0} = {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            overall   | "five"        | WRONG_TYPE
            overall   | 6             | OUT_OF_RANGE
            overall   | 4.5           | WRONG_TYPE
            recommend | 11            | OUT_OF_RANGE
            recommend | -1            | OUT_OF_RANGE
            nurses    | "great"       | UNKNOWN_OPTION
            nurses    | ["satisfied"] | WRONG_TYPE
            topics    | "diet"        | WRONG_TYPE
            topics    | ["diet","x"]  | UNKNOWN_OPTION
            topics    | []            | EMPTY_ANSWER
            symptom   | "maybe"       | WRONG_TYPE
            symptom   | 1             | WRONG_TYPE
            why       | "太慢"         | BRANCH_NOT_TAKEN
            why       | 3             | WRONG_TYPE
            colour    | "red"         | UNKNOWN_QUESTION
            """)
    void whenAnAnswerDoesNotFitItsQuestionThen400NamesTheQuestionAndNothingIsStored(String questionId,
                                                                                    String jsonValue,
                                                                                    String code) throws Exception {
        String tenant = tenantWithEveryType();
        SurveyVisitDocument visit = visit(tenant, "every-type");
        Map<String, Object> answers = satisfied();
        answers.put(questionId, json.readTree(jsonValue));
        answer(tenant, request(visit, answers)).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("answers." + questionId)
                .jsonPath("$.errors[0].code").isEqualTo(code);
        assertThat(responsesOf(tenant)).isZero();
    }

    @Test
    void whenARequiredQuestionIsNotAnsweredThenItIsNamed() {
        String tenant = tenantWithEveryType();
        SurveyVisitDocument visit = visit(tenant, "every-type");
        Map<String, Object> answers = satisfied();
        answers.remove("symptom");
        answer(tenant, request(visit, answers)).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("answers.symptom")
                .jsonPath("$.errors[0].code").isEqualTo("REQUIRED_MISSING");
    }

    @Test
    void aBranchQuestionIsAcceptedWhenItsConditionHolds() {
        String tenant = tenantWithEveryType();
        SurveyVisitDocument visit = visit(tenant, "every-type");
        Map<String, Object> answers = satisfied();
        answers.put("overall", 3);
        answers.put("why", "停车不方便");
        answer(tenant, request(visit, answers)).expectStatus().isCreated().expectBody()
                .jsonPath("$.answers.why").isEqualTo("停车不方便")
                .jsonPath("$.raisesIssue").isEqualTo(false);
    }

    @Test
    void answersToVersionOneAreValidatedAgainstVersionOneAfterVersionTwoExists() {
        String tenant = newTenant();
        var v1 = SurveyTemplates.template("pinned", 1, Set.of(SurveyChannel.PHONE),
                Question.rating("overall", "总体满意度?"), Question.yesNo("parking", "停车方便吗?"));
        createTemplate(tenant, v1).expectStatus().isCreated();
        var v2 = SurveyTemplates.template("pinned", 1, Set.of(SurveyChannel.PHONE),
                Question.rating("overall", "总体满意度?"), Question.nps("recommend", "推荐吗?"));
        http.post().uri("/api/surveys/templates/pinned/versions").headers(h -> h.setBearerAuth(supervisor(tenant)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(createRequest(v2)).exchange()
                .expectStatus().isCreated();

        SurveyVisitDocument first = visit(tenant, "pinned");
        answer(tenant, Map.of("visitId", first.visitId, "templateVersion", 1,
                "answers", Map.of("overall", 4, "parking", true)))
                .expectStatus().isCreated().expectBody().jsonPath("$.templateVersion").isEqualTo(1);

        SurveyVisitDocument second = visit(tenant, "pinned");
        answer(tenant, Map.of("visitId", second.visitId, "answers", Map.of("overall", 4, "parking", true)))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("answers.parking")
                .jsonPath("$.errors[0].code").isEqualTo("UNKNOWN_QUESTION");
        answer(tenant, Map.of("visitId", second.visitId, "answers", Map.of("overall", 4, "recommend", 9)))
                .expectStatus().isCreated().expectBody().jsonPath("$.templateVersion").isEqualTo(2);
        answer(tenant, Map.of("visitId", visit(tenant, "pinned").visitId, "templateVersion", 3,
                "answers", Map.of("overall", 4))).expectStatus().isNotFound();
    }

    @Test
    void aVisitIsAnsweredOnceOnly() {
        String tenant = tenantWithEveryType();
        SurveyVisitDocument visit = visit(tenant, "every-type");
        answer(tenant, request(visit, satisfied())).expectStatus().isCreated();
        answer(tenant, request(visit, satisfied())).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("already-answered");
        assertThat(responsesOf(tenant)).isEqualTo(1);
    }

    @Test
    void anotherTenantCanNeitherAnswerNorReadAVisit() {
        String tenant = tenantWithEveryType();
        SurveyVisitDocument visit = visit(tenant, "every-type");
        String other = newTenant();
        createTemplate(other, SurveyTemplates.everyType()).expectStatus().isCreated();
        answer(other, request(visit, satisfied())).expectStatus().isNotFound();
        answer(tenant, request(visit, satisfied())).expectStatus().isCreated();
        http.get().uri("/api/surveys/visits/{id}/response", visit.visitId).headers(h -> h.setBearerAuth(agent(other)))
                .exchange().expectStatus().isNotFound();
        http.get().uri("/api/surveys/visits/{id}/script", visit.visitId).headers(h -> h.setBearerAuth(agent(other)))
                .exchange().expectStatus().isNotFound();
        assertThat(responsesOf(other)).isZero();
    }

    @Test
    void whenTheCustomerWasSurveyedWithinTheQuietDaysThenTheSurveyIsRefusedUntilTheDateShownUnlessTheStageRequiresIt() {
        String tenant = STAGED_TENANT;
        String templateId = "quiet-" + UUID.randomUUID().toString().substring(0, 6);
        createTemplate(tenant, SurveyTemplates.template(templateId, 1, Set.of(SurveyChannel.PHONE),
                Question.rating("overall", "总体满意度?"))).expectStatus().isCreated();
        String customer = "c-" + UUID.randomUUID();
        answer(tenant, Map.of("visitId", visit(tenant, templateId, customer, "day-10").visitId,
                "answers", Map.of("overall", 4))).expectStatus().isCreated();

        LocalDate allowedFrom = LocalDate.ofInstant(CLOCK.instant(), ZoneId.of("Asia/Shanghai")).plusDays(7);
        SurveyVisitDocument midway = visit(tenant, templateId, customer, "midway");
        answer(tenant, Map.of("visitId", midway.visitId, "answers", Map.of("overall", 4)))
                .expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.code").isEqualTo("surveyed-recently")
                .jsonPath("$.allowedFrom").isEqualTo(allowedFrom.toString());

        // the completion visit is required by the plan whatever the quiet days
        answer(tenant, Map.of("visitId", visit(tenant, templateId, customer, "completion").visitId,
                "answers", Map.of("overall", 5))).expectStatus().isCreated();

        CLOCK.advance(Duration.ofDays(7));
        answer(tenant, Map.of("visitId", midway.visitId, "answers", Map.of("overall", 4)))
                .expectStatus().isCreated();
    }

    @Test
    void theScriptIsRenderedWithTheAgentsNameAndTheOrganisationAndTheQuestionsInAskingOrder() {
        String tenant = newTenant();
        SurveyVisitDocument visit = visit(tenant, "hospital-inpatient");
        JsonNode script = http.get().uri("/api/surveys/visits/{id}/script", visit.visitId)
                .headers(h -> h.setBearerAuth(agent(tenant))).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(script.get("templateId").asText()).isEqualTo("hospital-inpatient");
        assertThat(script.get("templateVersion").asInt()).isEqualTo(1);
        assertThat(script.get("opening").asText()).contains("客服部的李娜", "仁和医院", "请问是客户吗", "近期出院")
                .doesNotContain("{", "null");
        assertThat(script.get("replyToDissatisfied").asText()).isNotBlank();
        assertThat(script.get("notes").findValuesAsText("title")).contains("健康宣教");
        assertThat(script.get("questions").findParents("type").stream().map(q -> q.get("id").asText()).toList())
                .containsExactly("recovery", "symptom", "doctors", "nurses", "suggestions");
    }
}
