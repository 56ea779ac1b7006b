package com.huifang.survey.link.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.survey.SurveyServiceTestBase;
import com.huifang.survey.SurveyTemplates;
import com.huifang.survey.link.delivery.aliyun.FakeAliyunSms;
import com.huifang.survey.visit.store.SurveyVisitDocument;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Survey links by SMS through the Alibaba Cloud adapter, against the local provider stand-in. */
@ExtendWith(OutputCaptureExtension.class)
class SmsLinkDeliveryTest extends SurveyServiceTestBase {

    @Autowired
    private MeterRegistry meters;

    private String tenantWithVisit() {
        String tenant = newTenant();
        createTemplate(tenant, SurveyTemplates.everyType()).expectStatus().isCreated();
        return tenant;
    }

    private WebTestClient.ResponseSpec sms(String tenant, String visitId, String phone) {
        return http.post().uri("/api/surveys/links").headers(h -> h.setBearerAuth(agent(tenant)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("visitId", visitId, "channel", "SMS", "to", phone)).exchange();
    }

    private double failures(String reason) {
        Counter c = meters.find("huifang.survey.link.delivery.failures").tags("channel", "SMS", "reason", reason)
                .counter();
        return c == null ? 0 : c.count();
    }

    private Document link(String tenant) {
        return mongo.findOne(Query.query(Criteria.where("tenantId").is(tenant)), Document.class, "survey_links")
                .block();
    }

    @Test
    void anSmsLinkReachesTheProviderSignedAsDocumentedWithTheLinkInTheApprovedTemplatesValues() {
        String tenant = tenantWithVisit();
        SurveyVisitDocument visit = visit(tenant, "every-type");
        String phone = newPhone();
        sms(tenant, visit.visitId, phone).expectStatus().isCreated();

        assertThat(SMS_PROVIDER.rejections()).isEmpty();
        assertThat(SMS_PROVIDER.sentTo(phone)).singleElement().satisfies(sent -> {
            assertThat(sent.templateParam()).containsOnlyKeys("organisation", "survey", "link")
                    .containsEntry("organisation", "仁和医院")
                    .containsEntry("survey", "测试问卷 every-type");
            assertThat(sent.templateParam().get("link")).matches(LINK_IN_MESSAGE.pattern());
        });
    }

    @Test
    void whenTheProviderRefusesTheNumberThen502TheLinkStaysValidTheFailureIsCountedAndThePhoneIsNotLogged(
            CapturedOutput output) {
        String tenant = tenantWithVisit();
        SurveyVisitDocument visit = visit(tenant, "every-type");
        String phone = newPhone();
        SMS_PROVIDER.refuse(phone, "isv.MOBILE_NUMBER_ILLEGAL");
        double before = failures("refused");

        sms(tenant, visit.visitId, phone).expectStatus().isEqualTo(502)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("link-not-sent");

        assertThat(SMS_PROVIDER.requestsFor(phone)).as("a refusal is not retried").isEqualTo(1);
        Document link = link(tenant);
        assertThat(link).as("the link stays stored").isNotNull();
        assertThat(link.getString("visitId")).isEqualTo(visit.visitId);
        assertThat(link.getString("state")).isEqualTo("ISSUED");
        assertThat(failures("refused")).isEqualTo(before + 1);
        assertThat(output.getAll()).contains("isv.MOBILE_NUMBER_ILLEGAL").doesNotContain(phone)
                .contains(phone.substring(0, 3) + "****" + phone.substring(7));
    }

    @Test
    void whenTheProviderIsDownTheSendIsTriedThreeTimesThen502AndCountedAsUnavailable() {
        String tenant = tenantWithVisit();
        SurveyVisitDocument visit = visit(tenant, "every-type");
        String phone = newPhone();
        SMS_PROVIDER.fail(phone);
        double before = failures("unavailable");

        sms(tenant, visit.visitId, phone).expectStatus().isEqualTo(502);

        assertThat(SMS_PROVIDER.requestsFor(phone)).isEqualTo(3);
        assertThat(SMS_PROVIDER.sentTo(phone)).isEmpty();
        assertThat(failures("unavailable")).isEqualTo(before + 1);
        assertThat(link(tenant)).isNotNull();
    }
}
