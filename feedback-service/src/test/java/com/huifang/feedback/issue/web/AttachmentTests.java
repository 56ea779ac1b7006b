package com.huifang.feedback.issue.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.feedback.support.FeedbackIntegrationTest;
import java.util.List;
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

/** Limits in the test context: 2048 bytes per file, 3 files per issue. */
class AttachmentTests extends FeedbackIntegrationTest {

    @Autowired
    ReactiveMongoTemplate mongo;

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec upload(String token, String issueId,
                                                                                           byte[] bytes, String name,
                                                                                           MediaType type) {
        var body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        }).contentType(type);
        return http.post().uri("/api/issues/{id}/attachments", issueId).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build())).exchange();
    }

    private long storedFiles(String issueId) {
        return mongo.count(Query.query(Criteria.where("metadata.issueId").is(issueId)), Document.class, "fs.files")
                .block();
    }

    @Test
    void anAcceptedPhotoIsStoredAndDownloadedByItsTenantOnly() {
        String tenant = newTenant();
        String handler = token(tenant, "handler-li", "HANDLER");
        String id = raise(handler, "QUALITY", "c-1", List.of()).get("id").asText();
        byte[] photo = new byte[1500];
        photo[0] = (byte) 0x89;
        String attachmentId = upload(handler, id, photo, "door.png", MediaType.IMAGE_PNG).expectStatus().isCreated()
                .expectBody(com.fasterxml.jackson.databind.JsonNode.class).returnResult().getResponseBody()
                .get("id").asText();
        assertThat(storedFiles(id)).isEqualTo(1);
        assertThat(get(handler, "/api/issues/{id}", id).get("attachments")).hasSize(1);
        byte[] downloaded = http.get().uri("/api/issues/{id}/attachments/{a}", id, attachmentId)
                .headers(h -> h.setBearerAuth(handler)).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(downloaded).isEqualTo(photo);

        String other = token(newTenant(), "handler-li", "HANDLER");
        http.get().uri("/api/issues/{id}/attachments/{a}", id, attachmentId).headers(h -> h.setBearerAuth(other))
                .exchange().expectStatus().isNotFound();
        upload(other, id, photo, "x.png", MediaType.IMAGE_PNG).expectStatus().isNotFound();
        assertThat(storedFiles(id)).isEqualTo(1);
    }

    @Test
    void whenAFileIsTooLargeOrOfAForbiddenTypeOrOneTooManyThenItIsRejectedAndNothingStored() {
        String tenant = newTenant();
        String handler = token(tenant, "handler-li", "HANDLER");
        String id = raise(handler, "QUALITY", "c-1", List.of()).get("id").asText();

        upload(handler, id, new byte[3000], "big.jpg", MediaType.IMAGE_JPEG).expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        upload(handler, id, new byte[10], "run.sh", MediaType.parseMediaType("application/x-sh"))
                .expectStatus().isEqualTo(415)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(storedFiles(id)).isZero();
        assertThat(get(handler, "/api/issues/{id}", id).get("attachments")).isEmpty();
        assertThat(get(handler, "/api/issues/{id}/audit", id).findValuesAsText("action")).doesNotContain("ATTACH");

        for (int i = 0; i < 3; i++) {
            upload(handler, id, new byte[] {1, 2, 3}, "p" + i + ".pdf", MediaType.APPLICATION_PDF)
                    .expectStatus().isCreated();
        }
        upload(handler, id, new byte[] {1, 2, 3}, "p4.pdf", MediaType.APPLICATION_PDF).expectStatus().isBadRequest();
        assertThat(storedFiles(id)).isEqualTo(3);
        assertThat(get(handler, "/api/issues/{id}", id).get("attachments")).hasSize(3);
    }
}
