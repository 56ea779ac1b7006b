package com.huifang.survey.link.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.contracts.events.SurveySubmitted;
import com.huifang.survey.SurveyServiceTestBase;
import com.huifang.survey.SurveyTemplates;
import com.huifang.survey.link.domain.LinkToken;
import com.huifang.survey.link.store.LinkDocument;
import com.huifang.survey.template.domain.Question;
import com.huifang.survey.template.domain.SurveyChannel;
import com.huifang.survey.visit.store.SurveyVisitDocument;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

class SurveyLinkPageTest extends SurveyServiceTestBase {


    private String tenantWithEveryType() {
        String tenant = newTenant();
        createTemplate(tenant, SurveyTemplates.everyType()).expectStatus().isCreated();
        return tenant;
    }

    private WebTestClient.ResponseSpec requestLink(String tenant, String visitId, String channel, String to) {
        return http.post().uri("/api/surveys/links").headers(h -> h.setBearerAuth(agent(tenant)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("visitId", visitId, "channel", channel, "to", to)).exchange();
    }

    private static MultiValueMap<String, String> satisfiedForm() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("q.overall", "5");
        form.add("q.nurses", "satisfied");
        form.add("q.topics", "diet");
        form.add("q.topics", "medication");
        form.add("q.recommend", "9");
        form.add("q.symptom", "no");
        return form;
    }

    private WebTestClient.ResponseSpec submit(String token, MultiValueMap<String, String> form) {
        return http.post().uri("/s/{token}", token).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)).exchange();
    }

    private String page(WebTestClient.ResponseSpec spec, int status) {
        return spec.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void anEmailLinkIsDeliveredThroughTheSmtpServerAndOnlyItsHashIsStored() throws Exception {
        String tenant = tenantWithEveryType();
        SurveyVisitDocument visit = visit(tenant, "every-type");
        String to = "wang-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        String body = requestLink(tenant, visit.visitId, "EMAIL", to).expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage mail = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(to);
                    } catch (Exception e) {
                        return false;
                    }
                }).findFirst().orElseThrow();
        assertThat(mail.getSubject()).contains("回访问卷");
        Matcher m = LINK_IN_MESSAGE.matcher(mail.getContent().toString());
        assertThat(m.find()).isTrue();
        String token = m.group(1);

        assertThat(body).doesNotContain(token);
        List<Document> stored = mongo.find(Query.query(Criteria.where("tenantId").is(tenant)), Document.class,
                "survey_links").collectList().block();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).getString("_id")).isEqualTo(LinkToken.hash(token));
        assertThat(stored.get(0).toJson()).doesNotContain(token);

        assertThat(page(http.get().uri("/s/{t}", token).exchange(), 200)).contains("您对本次服务的总体满意度是几分?");
    }

    @Test
    void aValidLinkShowsTheSurveyAcceptsOneSubmissionThenThanksAndEverySecondTryGetsTheUsedPage() {
        String tenant = tenantWithEveryType();
        SurveyVisitDocument visit = visit(tenant, "every-type");
        String token = smsLinkToken(tenant, visit.visitId);

        String form = page(http.get().uri("/s/{t}", token).exchange(), 200);
        assertThat(form).contains("<html lang=\"zh-CN\">", "提交", "name=\"q.overall\"", "data-show-if=")
                .doesNotContain("src=\"http");

        String thanks = page(submit(token, satisfiedForm()), 200);
        assertThat(thanks).contains("id=\"thanks\"", "提交成功");

        JsonNode response = http.get().uri("/api/surveys/visits/{id}/response", visit.visitId)
                .headers(h -> h.setBearerAuth(agent(tenant))).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(response.get("source").asText()).isEqualTo("CUSTOMER_LINK");
        assertThat(response.get("channel").asText()).isEqualTo("SMS");
        assertThat(response.get("agentId").isNull()).isTrue();
        assertThat(response.at("/answers/topics").toString()).isEqualTo("[\"diet\",\"medication\"]");
        SurveySubmitted event = publishedSubmission(response.get("id").asText());
        assertThat(event.satisfied()).isTrue();
        assertThat(event.npsClass()).isEqualTo("PROMOTER");

        assertThat(page(submit(token, satisfiedForm()), 410)).contains("data-outcome=\"USED\"", "您已提交过本问卷");
        assertThat(page(http.get().uri("/s/{t}", token).exchange(), 410)).contains("data-outcome=\"USED\"");
        assertThat(responsesOf(tenant)).isEqualTo(1);
    }

    @Test
    void anExpiredLinkGetsItsOwnPageAndStoresNothing() {
        String tenant = tenantWithEveryType();
        SurveyVisitDocument visit = visit(tenant, "every-type");
        String token = smsLinkToken(tenant, visit.visitId);
        CLOCK.advance(Duration.ofDays(7).plusMinutes(1));
        assertThat(page(http.get().uri("/s/{t}", token).exchange(), 410)).contains("data-outcome=\"EXPIRED\"",
                "链接已过期");
        assertThat(page(submit(token, satisfiedForm()), 410)).contains("data-outcome=\"EXPIRED\"");
        assertThat(responsesOf(tenant)).isZero();
        LinkDocument link = mongo.findById(LinkToken.hash(token), LinkDocument.class).block();
        assertThat(link.usedAt).isNull();
    }

    @Test
    void anUnknownOrMalformedTokenGetsTheNotFoundPageAndStoresNothing() {
        long responsesBefore = mongo.count(new Query(), "responses").block();
        long linksUsedBefore = mongo.count(Query.query(Criteria.where("state").is("USED")), "survey_links").block();
        String wellFormed = "A".repeat(43);
        for (String token : List.of("nonsense", wellFormed)) {
            assertThat(page(http.get().uri("/s/{t}", token).exchange(), 404)).contains("data-outcome=\"UNKNOWN\"",
                    "未找到该问卷");
            assertThat(page(submit(token, satisfiedForm()), 404)).contains("data-outcome=\"UNKNOWN\"");
        }
        assertThat(mongo.count(new Query(), "responses").block()).isEqualTo(responsesBefore);
        assertThat(mongo.count(Query.query(Criteria.where("state").is("USED")), "survey_links").block())
                .isEqualTo(linksUsedBefore);
    }

    @Test
    void whenThePageIsSubmittedWithBadAnswersThenItIsShownAgainWithTheErrorsAndTheLinkStaysUsable() {
        String tenant = tenantWithEveryType();
        SurveyVisitDocument visit = visit(tenant, "every-type");
        String token = smsLinkToken(tenant, visit.visitId);
        MultiValueMap<String, String> form = satisfiedForm();
        form.remove("q.symptom");
        form.set("q.recommend", "11");
        String again = page(submit(token, form), 400);
        assertThat(again).contains("id=\"errors\"", "出院后是否有需要医生处理的不适?", "请回答此题", "请选择列出的选项")
                .contains("value=\"medication\" checked");
        assertThat(responsesOf(tenant)).isZero();
        assertThat(page(submit(token, satisfiedForm()), 200)).contains("id=\"thanks\"");
    }

    @Test
    void thePageSpeaksEnglishWhenAskedAndEscapesEveryTemplateText() {
        String tenant = newTenant();
        createTemplate(tenant, SurveyTemplates.template("escaped", 1, Set.of(SurveyChannel.LINK),
                Question.yesNo("ok", "<script>alert('x')</script> & \"quotes\"?"))).expectStatus().isCreated();
        SurveyVisitDocument visit = visit(tenant, "escaped");
        String token = smsLinkToken(tenant, visit.visitId);

        String english = page(http.get().uri("/s/{t}?lang=en", token).exchange(), 200);
        assertThat(english).contains("<html lang=\"en\">", "Submit", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;?")
                .doesNotContain("<script>alert");
        String byHeader = page(http.get().uri("/s/{t}", token).header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.8")
                .exchange(), 200);
        assertThat(byHeader).contains("<html lang=\"en\">");
        assertThat(page(http.get().uri("/s/{t}", "nonsense").header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange(),
                404)).contains("Survey not found");
    }

    @Test
    void aLinkIsRefusedForAnAnsweredVisitAPhoneOnlySurveyABadAddressOrAnotherTenantsVisit() {
        String tenant = tenantWithEveryType();
        SurveyVisitDocument answered = visit(tenant, "every-type");
        answer(tenant, Map.of("visitId", answered.visitId, "answers", Map.of("overall", 5, "nurses", "ok",
                "recommend", 8, "symptom", false))).expectStatus().isCreated();
        requestLink(tenant, answered.visitId, "SMS", "13800138000").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("already-answered");

        createTemplate(tenant, SurveyTemplates.phone("phone-only", Question.rating("overall", "总体?")))
                .expectStatus().isCreated();
        requestLink(tenant, visit(tenant, "phone-only").visitId, "SMS", "13800138000").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("link-not-offered");

        SurveyVisitDocument fresh = visit(tenant, "every-type");
        requestLink(tenant, fresh.visitId, "EMAIL", "not-an-address").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
        requestLink(newTenant(), fresh.visitId, "SMS", "13800138000").expectStatus().isNotFound();
        assertThat(mongo.count(Query.query(Criteria.where("tenantId").is(tenant)), "survey_links").block()).isZero();
    }
}
