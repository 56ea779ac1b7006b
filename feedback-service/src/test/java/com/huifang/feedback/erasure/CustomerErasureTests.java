package com.huifang.feedback.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.CustomerErased;
import com.huifang.contracts.events.CustomerErasureConfirmed;
import com.huifang.feedback.issue.domain.IssueSnapshot;
import com.huifang.feedback.issue.store.IssueDocument;
import com.huifang.feedback.support.FeedbackIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

/** A customer's erasure (CustomerErased over the real broker) in feedback-service. */
class CustomerErasureTests extends FeedbackIntegrationTest {

    @Autowired
    ReactiveMongoTemplate mongo;

    private String raiseWith(String token, String customerId, String description) {
        return http.post().uri("/api/issues").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("category", "SERVICE_ATTITUDE", "description", description, "customerId", customerId,
                        "staffIds", List.of("agent-li")))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
    }

    private void upload(String token, String issueId, String name) {
        var body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(new byte[]{(byte) 0x89, 'P', 'N', 'G'}) {
            @Override
            public String getFilename() {
                return name;
            }
        }).contentType(MediaType.IMAGE_PNG);
        http.post().uri("/api/issues/{id}/attachments", issueId).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build()))
                .exchange().expectStatus().isCreated();
    }

    private long storedFiles(String issueId) {
        return mongo.count(Query.query(Criteria.where("metadata.issueId").is(issueId)), Document.class, "fs.files")
                .block();
    }

    private IssueDocument stored(String issueId) {
        return mongo.findById(issueId, IssueDocument.class).block();
    }

    /** Every document of every collection of feedback-service's store that contains the text. */
    private List<String> documentsContaining(String text) {
        return mongo.getCollectionNames()
                .flatMap(name -> mongo.findAll(Document.class, name).map(Document::toJson)
                        .filter(json -> json.contains(text)).map(json -> name + ": " + json))
                .collectList().block();
    }

    @Test
    void whenACustomerIsErasedThenTheirWordsAndEvidenceLeaveTheIssuesWhichKeepTheirFactsAndOneConfirmationIsPublished() {
        String tenant = newTenant();
        String handler = token(tenant, "handler-li", "HANDLER");
        String customer = "c-" + UUID.randomUUID();
        String phone = "138" + String.format("%08d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000));
        String issueId = raiseWith(handler, customer, "张伟(电话 " + phone + ")说安装师傅态度恶劣");
        upload(handler, issueId, "张伟-" + phone + ".png");
        act(handler, issueId, "acknowledge", Map.of("note", "已回电 " + phone + ",张伟要求道歉")).expectStatus().isOk();
        JsonNode before = get(handler, "/api/issues/{id}", issueId);
        JsonNode slaBefore = get(handler, "/api/issues/{id}/sla", issueId);
        String neighbourText = "邻居的投诉 " + UUID.randomUUID();
        String neighbourIssue = raiseWith(handler, "c-" + UUID.randomUUID(), neighbourText);
        String otherTenant = newTenant();
        String elsewhereText = "另一机构同一客户号的投诉 " + UUID.randomUUID();
        String elsewhere = raiseWith(token(otherTenant, "handler-li", "HANDLER"), customer, elsewhereText);
        assertThat(storedFiles(issueId)).isEqualTo(1);

        var erased = new CustomerErased(customer, "req-" + UUID.randomUUID(), CLOCK.instant());
        String eventId = "erased-" + UUID.randomUUID();
        publish(Topics.CUSTOMERS, tenant, eventId, erased);
        publish(Topics.CUSTOMERS, tenant, eventId, erased); // the same event delivered twice

        await().atMost(Duration.ofSeconds(30)).until(() -> stored(issueId).anonymisedAt != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> documentsContaining(phone).isEmpty());
        assertThat(documentsContaining("安装师傅态度恶劣")).isEmpty();
        assertThat(documentsContaining("要求道歉")).isEmpty();
        assertThat(storedFiles(issueId)).isZero();

        JsonNode after = get(handler, "/api/issues/{id}", issueId);
        assertThat(after.get("description").asText()).isEqualTo(IssueSnapshot.ERASED_TEXT);
        assertThat(after.get("attachments")).isEmpty();
        for (String kept : List.of("category", "severity", "source", "department", "ownerQueue", "ownerId", "state",
                "staffIds", "escalationLevel", "raisedAt", "customerId")) {
            assertThat(after.get(kept)).as(kept).isEqualTo(before.get(kept));
        }
        assertThat(after.get("state").asText()).isEqualTo("ACKNOWLEDGED");
        // the SLA reading is unchanged, and the issue goes on through its life cycle
        assertThat(get(handler, "/api/issues/{id}/sla", issueId)).isEqualTo(slaBefore);
        act(handler, issueId, "start", null).expectStatus().isOk();

        assertThat(get(handler, "/api/issues/{id}", neighbourIssue).get("description").asText()).isEqualTo(neighbourText);
        assertThat(get(token(otherTenant, "handler-li", "HANDLER"), "/api/issues/{id}", elsewhere).get("description")
                .asText()).isEqualTo(elsewhereText);

        var confirmations = confirmations(tenant, customer, Duration.ofSeconds(3));
        assertThat(confirmations).hasSize(1);
        var confirmed = EventJson.payload(confirmations.get(0), CustomerErasureConfirmed.class);
        assertThat(confirmed.service()).isEqualTo("feedback-service");
        assertThat(confirmed.requestId()).isEqualTo(erased.requestId());
        assertThat(confirmed.recordsAnonymised()).isEqualTo(1);

        // the same erasure published again under a new event id: nothing changes, and whatever is sent again is the
        // same confirmation (same event id and count), which customer-service's inbox drops
        var anonymisedAt = stored(issueId).anonymisedAt;
        String again = eventId + "-again";
        publish(Topics.CUSTOMERS, tenant, again, erased);
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById("customer-erasure:"
                + UUID.nameUUIDFromBytes(again.getBytes()), Document.class, "processed_events").block() != null);
        var all = confirmations(tenant, customer, Duration.ofSeconds(2));
        assertThat(all).extracting(EventEnvelope::eventId).containsOnly(confirmations.get(0).eventId());
        assertThat(all).extracting(e -> EventJson.payload(e, CustomerErasureConfirmed.class).recordsAnonymised())
                .containsOnly(1);
        assertThat(stored(issueId).anonymisedAt).isEqualTo(anonymisedAt);
    }

    private static List<EventEnvelope> confirmations(String tenant, String customer, Duration wait) {
        return events(Topics.CUSTOMERS, customer, wait).stream()
                .filter(e -> "CustomerErasureConfirmed".equals(e.type()) && tenant.equals(e.tenantId())).toList();
    }

    @Test
    void whenACustomerWithoutIssuesIsErasedThenFeedbackConfirmsWithNothingAnonymised() {
        String tenant = newTenant();
        String customer = "c-" + UUID.randomUUID();
        var erased = new CustomerErased(customer, "req-" + UUID.randomUUID(), CLOCK.instant());
        publish(Topics.CUSTOMERS, tenant, "erased-" + UUID.randomUUID(), erased);
        await().atMost(Duration.ofSeconds(30)).until(() -> events(Topics.CUSTOMERS, customer, Duration.ofMillis(500))
                .stream().anyMatch(e -> "CustomerErasureConfirmed".equals(e.type())));
        var confirmed = events(Topics.CUSTOMERS, customer, Duration.ofSeconds(1)).stream()
                .filter(e -> "CustomerErasureConfirmed".equals(e.type()))
                .map(e -> EventJson.payload(e, CustomerErasureConfirmed.class)).toList();
        assertThat(confirmed).hasSize(1);
        assertThat(confirmed.get(0).recordsAnonymised()).isZero();
    }
}
