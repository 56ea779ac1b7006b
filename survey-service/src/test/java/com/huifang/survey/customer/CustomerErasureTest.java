package com.huifang.survey.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.HuifangEvent;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.CustomerErased;
import com.huifang.contracts.events.CustomerErasureConfirmed;
import com.huifang.contracts.events.CustomerProfileChanged;
import com.huifang.survey.SurveyServiceTestBase;
import com.huifang.survey.SurveyTemplates;
import com.huifang.survey.customer.store.CustomerCopyDocument;
import com.huifang.survey.response.store.ResponseDocument;
import com.huifang.survey.visit.store.SurveyVisitDocument;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;

/** A customer's erasure (CustomerErased over the real broker) in survey-service: free text goes, scores stay. */
class CustomerErasureTest extends SurveyServiceTestBase {

    @Autowired
    private KafkaTemplate<String, String> kafka;

    private void send(EventEnvelope envelope) {
        try {
            kafka.send(Topics.CUSTOMERS, envelope.key(), EventJson.write(envelope)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private EventEnvelope envelope(String tenant, HuifangEvent event) {
        return EventJson.envelope(event, tenant, "test-" + UUID.randomUUID(), CLOCK.instant());
    }

    /** A dissatisfied, flagged answer whose free text and note hold the customer's name and phone. */
    private ResponseDocument answered(String tenant, String customerId, String personalText) {
        SurveyVisitDocument visit = visit(tenant, "every-type", customerId, "main");
        Map<String, Object> answers = new HashMap<>();
        answers.put("overall", 1);
        answers.put("why", personalText);
        answers.put("nurses", "dissatisfied");
        answers.put("topics", List.of("diet"));
        answers.put("recommend", 3);
        answers.put("symptom", true);
        answer(tenant, Map.of("visitId", visit.visitId, "answers", answers, "flagged", true,
                "flagNote", "回电:" + personalText)).expectStatus().isCreated();
        return response(tenant, visit.visitId);
    }

    private ResponseDocument response(String tenant, String visitId) {
        return mongo.findOne(Query.query(Criteria.where("tenantId").is(tenant).and("visitId").is(visitId)),
                ResponseDocument.class).block();
    }

    /** Every document of every collection of survey-service's store that contains the text. */
    private List<String> documentsContaining(String text) {
        return mongo.getCollectionNames()
                .flatMap(name -> mongo.findAll(Document.class, name).map(Document::toJson)
                        .filter(json -> json.contains(text)).map(json -> name + ": " + json))
                .collectList().block();
    }

    @Test
    void whenACustomerIsErasedThenNoTextOfTheirsRemainsTheScoresStayAndOneConfirmationIsPublishedDespiteRedelivery() {
        String tenant = newTenant();
        String otherTenant = newTenant();
        createTemplate(tenant, SurveyTemplates.everyType()).expectStatus().isCreated();
        createTemplate(otherTenant, SurveyTemplates.everyType()).expectStatus().isCreated();
        String customer = "c-" + UUID.randomUUID();
        String phone = newPhone();
        String personal = "我是张伟,电话 " + phone + ",住幸福小区3栋";
        String salutation = "欧阳" + phone.substring(7) + "先生";
        send(envelope(tenant, new CustomerProfileChanged(customer, salutation, "先生", "139****0000", "住院",
                List.of("PHONE"), "PHONE", List.of(), null, List.of(), null, 1, CLOCK.instant())));
        await().atMost(Duration.ofSeconds(30)).until(() -> !documentsContaining(salutation).isEmpty());

        ResponseDocument erasedOne = answered(tenant, customer, personal);
        String neighbourText = "邻居的意见 " + UUID.randomUUID();
        ResponseDocument neighbour = answered(tenant, "c-" + UUID.randomUUID(), neighbourText);
        String sameIdElsewhereText = "另一机构的客户 " + UUID.randomUUID();
        ResponseDocument sameIdElsewhere = answered(otherTenant, customer, sameIdElsewhereText);
        // the responses' SurveySubmitted events are relayed (the outbox drains) before the erasure arrives
        await().atMost(Duration.ofSeconds(30)).until(() -> response(tenant, erasedOne.visitId).outbox.isEmpty()
                && response(otherTenant, sameIdElsewhere.visitId).outbox.isEmpty());

        CustomerErased erased = new CustomerErased(customer, "req-" + UUID.randomUUID(), CLOCK.instant());
        EventEnvelope first = envelope(tenant, erased);
        send(first);
        send(first); // the same event delivered twice

        await().atMost(Duration.ofSeconds(30)).until(() -> response(tenant, erasedOne.visitId).erasedAt != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> documentsContaining(phone).isEmpty());
        assertThat(documentsContaining("幸福小区3栋")).isEmpty();
        assertThat(documentsContaining(salutation)).isEmpty();
        CustomerCopyDocument copy = mongo.findById(CustomerCopyDocument.idOf(tenant, customer),
                CustomerCopyDocument.class).block();
        assertThat(copy.erased).isTrue();
        assertThat(copy.salutation).isNull();

        ResponseDocument after = response(tenant, erasedOne.visitId);
        assertThat(after.answers).containsEntry("overall", 1).containsEntry("nurses", "dissatisfied")
                .containsEntry("recommend", 3).containsEntry("symptom", true).doesNotContainKey("why");
        assertThat(after.comments).isEmpty();
        assertThat(after.flagNote).isNull();
        assertThat(after.rating).isEqualTo(erasedOne.rating).isEqualTo(1.0);
        assertThat(after.satisfied).isFalse();
        assertThat(after.nps).isEqualTo(3);
        assertThat(after.npsClass).isEqualTo("DETRACTOR");
        assertThat(after.problemQuestionIds).isEqualTo(erasedOne.problemQuestionIds).isNotEmpty();
        assertThat(after.flagged).isTrue();
        assertThat(after.lowScore).isTrue();
        assertThat(after.raisesIssue).isTrue();

        // another customer of the tenant, and the same customer id in another tenant, keep their answers
        assertThat(documentsContaining(neighbourText)).isNotEmpty();
        assertThat(response(tenant, neighbour.visitId).comments).containsExactly(neighbourText);
        assertThat(documentsContaining(sameIdElsewhereText)).isNotEmpty();
        assertThat(response(otherTenant, sameIdElsewhere.visitId).erasedAt).isNull();

        java.util.function.Predicate<EventEnvelope> confirmation = e -> "CustomerErasureConfirmed".equals(e.type())
                && tenant.equals(e.tenantId())
                && customer.equals(EventJson.payload(e, CustomerErasureConfirmed.class).customerId());
        List<EventEnvelope> confirmations = published(Topics.CUSTOMERS, confirmation, 1);
        assertThat(confirmations).hasSize(1);
        CustomerErasureConfirmed confirmed = EventJson.payload(confirmations.get(0), CustomerErasureConfirmed.class);
        assertThat(confirmed.service()).isEqualTo("survey-service");
        assertThat(confirmed.requestId()).isEqualTo(erased.requestId());
        assertThat(confirmed.recordsAnonymised()).isEqualTo(2); // the response and the customer copy

        // the same erasure published again under a new event id: nothing changes, and whatever is sent again is the
        // same confirmation (same event id and count), which customer-service's inbox drops
        EventEnvelope republished = envelope(tenant, erased);
        send(republished);
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById("customer-copies:" + republished.eventId(),
                Document.class, "processed_events").block() != null);
        List<EventEnvelope> again = published(Topics.CUSTOMERS, confirmation, 1);
        assertThat(again).extracting(EventEnvelope::eventId).containsOnly(confirmations.get(0).eventId());
        assertThat(again).extracting(e -> EventJson.payload(e, CustomerErasureConfirmed.class).recordsAnonymised())
                .containsOnly(2);
        assertThat(response(tenant, erasedOne.visitId).erasedAt).isEqualTo(after.erasedAt);
    }
}
