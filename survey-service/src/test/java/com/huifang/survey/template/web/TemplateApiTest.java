package com.huifang.survey.template.web;

import static com.huifang.survey.template.domain.AnswerOption.of;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.survey.SurveyServiceTestBase;
import com.huifang.survey.SurveyTemplates;
import com.huifang.survey.template.domain.Question;
import com.huifang.survey.template.domain.SurveyChannel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class TemplateApiTest extends SurveyServiceTestBase {

    @Test
    void supervisorCreatesATemplateAsVersionOneAndSeesWarningsOfALongPhoneSurvey() {
        String tenant = newTenant();
        var long7 = SurveyTemplates.phone("long-phone",
                Question.rating("q1", "一"), Question.rating("q2", "二"), Question.rating("q3", "三"),
                Question.rating("q4", "四"), Question.rating("q5", "五"), Question.rating("q6", "六"));
        JsonNode saved = createTemplate(tenant, long7).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(saved.at("/template/id").asText()).isEqualTo("long-phone");
        assertThat(saved.at("/template/version").asInt()).isEqualTo(1);
        assertThat(saved.at("/template/seed").asBoolean()).isFalse();
        assertThat(saved.get("warnings").findValuesAsText("code")).contains("LONG_PHONE_SURVEY");

        createTemplate(tenant, long7).expectStatus().isEqualTo(409);
    }

    @Test
    void whenBranchesAreCyclicThenTheTemplateIsRejectedNamingTheQuestionAndNothingIsStored() {
        String tenant = newTenant();
        var cyclic = SurveyTemplates.phone("cyclic",
                Question.yesNo("a", "甲?").showIf("b", "yes"),
                Question.yesNo("b", "乙?").showIf("a", "yes"),
                Question.rating("c", "丙"));
        createTemplate(tenant, cyclic).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("questions.a")
                .jsonPath("$.errors[0].code").isEqualTo("CYCLIC_BRANCH")
                .jsonPath("$.problems[0].path").isEqualTo(List.of("a", "b", "a"));
        http.get().uri("/api/surveys/templates/cyclic").headers(h -> h.setBearerAuth(supervisor(tenant)))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void whenAQuestionCanNeverBeShownThenTheTemplateIsRejectedNamingIt() {
        String tenant = newTenant();
        var unreachable = SurveyTemplates.phone("unreachable",
                Question.yesNo("a", "甲?"),
                Question.yesNo("b", "乙?").showIf("a", "yes"),
                Question.freeText("c", "丙").showIf("b", "yes").showIf("a", "no"));
        createTemplate(tenant, unreachable).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("questions.c")
                .jsonPath("$.errors[0].code").isEqualTo("UNREACHABLE_QUESTION");
    }

    @Test
    void whenTheBodyIsIncompleteThenFieldErrorsAreReturned() {
        http.post().uri("/api/surveys/templates").headers(h -> h.setBearerAuth(supervisor(newTenant())))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", "Bad Id!", "name", "x", "channels", List.of("PHONE"), "questions", List.of()))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value((List<Object> fields) ->
                        assertThat(fields).contains("id", "questions"));
    }

    @Test
    void agentsMayReadButNotChangeTemplates() {
        String tenant = newTenant();
        http.post().uri("/api/surveys/templates").headers(h -> h.setBearerAuth(agent(tenant)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(createRequest(SurveyTemplates.everyType()))
                .exchange().expectStatus().isForbidden();
        http.get().uri("/api/surveys/templates/hospital-inpatient").headers(h -> h.setBearerAuth(agent(tenant)))
                .exchange().expectStatus().isOk();
    }

    @Test
    void seedTemplatesAreAvailableToEveryTenantAndATenantsRevisionOverridesItsSeedForThatTenantOnly() {
        String tenant = newTenant();
        String other = newTenant();
        JsonNode list = http.get().uri("/api/surveys/templates").headers(h -> h.setBearerAuth(supervisor(tenant)))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(list.findValuesAsText("id")).contains("hospital-inpatient", "hospital-outpatient",
                "insurance-new-policy", "property-service", "furniture-installation", "renovation-stage");

        var revised = SurveyTemplates.template("hospital-inpatient", 1, Set.of(SurveyChannel.PHONE, SurveyChannel.LINK),
                Question.rating("overall", "您对本次住院的总体满意度?"));
        JsonNode saved = http.post().uri("/api/surveys/templates/hospital-inpatient/versions")
                .headers(h -> h.setBearerAuth(supervisor(tenant))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(createRequest(revised)).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(saved.at("/template/version").asInt()).isEqualTo(2);

        http.get().uri("/api/surveys/templates/hospital-inpatient").headers(h -> h.setBearerAuth(supervisor(tenant)))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.seed").isEqualTo(false)
                .jsonPath("$.body.questions[0].id").isEqualTo("overall");
        http.get().uri("/api/surveys/templates/hospital-inpatient/versions/1")
                .headers(h -> h.setBearerAuth(supervisor(tenant))).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.seed").isEqualTo(true)
                .jsonPath("$.body.questions[0].id").isEqualTo("recovery");
        http.get().uri("/api/surveys/templates/hospital-inpatient/versions")
                .headers(h -> h.setBearerAuth(supervisor(tenant))).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2);

        // the other tenant still has the seed only
        http.get().uri("/api/surveys/templates/hospital-inpatient").headers(h -> h.setBearerAuth(supervisor(other)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1);
        http.get().uri("/api/surveys/templates/hospital-inpatient/versions/2")
                .headers(h -> h.setBearerAuth(supervisor(other))).exchange().expectStatus().isNotFound();
    }

    @Test
    void anotherTenantSeesNoneOfATenantsOwnTemplates() {
        String tenant = newTenant();
        createTemplate(tenant, SurveyTemplates.everyType()).expectStatus().isCreated();
        String other = newTenant();
        http.get().uri("/api/surveys/templates/every-type").headers(h -> h.setBearerAuth(supervisor(other)))
                .exchange().expectStatus().isNotFound();
        JsonNode list = http.get().uri("/api/surveys/templates").headers(h -> h.setBearerAuth(supervisor(other)))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(list.findValuesAsText("id")).doesNotContain("every-type");
        // revising a template the other tenant does not have is a 404, not a new template
        http.post().uri("/api/surveys/templates/every-type/versions").headers(h -> h.setBearerAuth(supervisor(other)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(createRequest(SurveyTemplates.everyType()))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void everyQuestionTypeSurvivesTheRoundTripThroughTheApi() {
        String tenant = newTenant();
        createTemplate(tenant, SurveyTemplates.everyType()).expectStatus().isCreated();
        JsonNode t = http.get().uri("/api/surveys/templates/every-type").headers(h -> h.setBearerAuth(agent(tenant)))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(t.at("/body/questions").findValuesAsText("type")).containsExactly("RATING_1_5", "FREE_TEXT",
                "SINGLE_CHOICE", "MULTIPLE_CHOICE", "NPS_0_10", "YES_NO");
        assertThat(t.at("/body/questions/1/showIf/0/anyOf").toString()).isEqualTo("[\"1\",\"2\",\"3\"]");
        assertThat(t.at("/body/questions/2/options/2/problem").asBoolean()).isTrue();
        assertThat(t.at("/body/questions/5/problemWhen").asBoolean()).isTrue();
        assertThat(of("x", "y").problem()).isFalse();
    }
}
