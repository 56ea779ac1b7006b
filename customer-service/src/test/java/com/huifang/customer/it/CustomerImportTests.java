package com.huifang.customer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import com.huifang.customer.imports.CustomerImport;
import com.huifang.customer.imports.store.ImportJobDocument;
import com.huifang.customer.support.ImportProperties;
import com.huifang.platform.task.PeriodicTask;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

class CustomerImportTests extends CustomerServiceIntegrationTest {

    private WebTestClient.ResponseSpec upload(String token, String fileName, byte[] content) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return http.mutate().responseTimeout(Duration.ofSeconds(60)).build()
                .post().uri("/api/imports").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange();
    }

    private JsonNode awaitFinished(String token, String jobId, Duration timeout) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode job = http.get().uri("/api/imports/{id}", jobId).headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            last.set(job);
            return !job.get("state").asText().equals("RUNNING");
        });
        return last.get();
    }

    private long customersOf(String tenant) {
        return mongo.count(Query.query(Criteria.where("tenantId").is(tenant)), "customers").block();
    }

    @Test
    void a20000RowImportWith3BadRowsStores19997AndReports3() {
        String tenant = tenant();
        String sup = token(tenant, "sup-1", "SUPERVISOR");
        StringBuilder csv = new StringBuilder("姓名,手机,类别,标签\n");
        for (int i = 0; i < 20_000; i++) {
            String name = "客户" + i;
            String phone = "139" + String.format("%08d", i);
            String category = "门诊";
            if (i == 10) {
                phone = "12345";
            } else if (i == 10_000) {
                category = "不存在的类别";
            } else if (i == 19_998) {
                name = "";
            }
            csv.append(name).append(',').append(phone).append(',').append(category).append(",批量导入\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);

        JsonNode started = upload(sup, "customers.csv", file).expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        String jobId = started.get("id").asText();
        JsonNode done = awaitFinished(sup, jobId, Duration.ofMinutes(6));

        assertThat(done.get("state").asText()).isEqualTo("DONE");
        assertThat(done.get("total").asLong()).isEqualTo(20_000);
        assertThat(done.get("done").asLong()).isEqualTo(20_000);
        assertThat(done.get("stored").asLong()).isEqualTo(19_997);
        assertThat(done.get("rejected").asLong()).isEqualTo(3);
        assertThat(done.get("progress").asInt()).isEqualTo(100);
        assertThat(customersOf(tenant)).isEqualTo(19_997);

        String errors = http.get().uri("/api/imports/{id}/errors", jobId).headers(h -> h.setBearerAuth(sup)).exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody(String.class).returnResult().getResponseBody();
        String[] lines = errors.strip().split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).startsWith("12,").contains("phone-format");
        assertThat(lines[2]).startsWith("10002,").contains("unknown-code");
        assertThat(lines[3]).startsWith("20000,").contains("required");

        // the same file again is the same job, and stores nothing new
        upload(sup, "customers-again.csv", file).expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(jobId).jsonPath("$.state").isEqualTo("DONE");
        assertThat(customersOf(tenant)).isEqualTo(19_997);

        // another tenant sees no such job
        String other = token(tenant(), "sup-x", "SUPERVISOR");
        http.get().uri("/api/imports/{id}", jobId).headers(h -> h.setBearerAuth(other)).exchange().expectStatus().isNotFound();
        http.get().uri("/api/imports/{id}/errors", jobId).headers(h -> h.setBearerAuth(other)).exchange()
                .expectStatus().isNotFound();
    }

    @Autowired
    CustomerImport imports;

    /** The periodic resume check of the imports. */
    @Autowired
    @Qualifier("importResumeTask")
    PeriodicTask importResume;

    @Autowired
    ImportProperties importProperties;

    private static byte[] csvWith3BadRows(int rows, String phonePrefix) {
        StringBuilder csv = new StringBuilder("姓名,性别,手机,类别\n");
        for (int i = 0; i < rows; i++) {
            String phone = phonePrefix + String.format("%06d", i);
            String category = "门诊";
            String name = "客户" + i;
            if (i == 7) {
                phone = "12345";
            } else if (i == rows / 2) {
                category = "不存在的类别";
            } else if (i == rows - 2) {
                name = "";
            }
            csv.append(name).append(',').append(i % 2 == 0 ? "男" : "女").append(',').append(phone).append(',')
                    .append(category).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private ImportJobDocument job(String id) {
        return mongo.findById(id, ImportJobDocument.class).block();
    }

    @Test
    void anImportInterruptedByARestartResumesAfterItsCursorAndStoresNoRowTwice() throws Exception {
        String tenant = tenant();
        String sup = token(tenant, "sup-1", "SUPERVISOR");
        int rows = 2_500; // enough to stop it mid-file (it is stopped after 250 rows); the 20,000-row run is the test above
        String jobId = upload(sup, "resume.csv", csvWith3BadRows(rows, "13300")).expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();

        // the service stops mid-file (as in a shutdown, in its order): no more resume checks, processing
        // ends, the lease is handed back
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> job(jobId).done >= 250);
        importResume.stop();
        imports.stop();
        ImportJobDocument interrupted = job(jobId);
        assertThat(interrupted.state).isEqualTo(ImportJobDocument.State.RUNNING);
        assertThat(interrupted.done).isBetween(250L, rows - 1L);
        assertThat(interrupted.leaseOwner).isNull();
        assertThat(Files.exists(importProperties.directory().resolve(interrupted.file))).isTrue();
        Thread.sleep(300); // writes of the chunk that was in flight land (or not) before anyone resumes

        // single-firing: of two instances checking at once, one claims the job
        var claims = reactor.core.publisher.Flux.merge(imports.claim(jobId, "instance-a"), imports.claim(jobId, "instance-b"))
                .collectList().block();
        assertThat(claims).hasSize(1);
        // ...and while its lease holds, nobody else takes it, not even this instance restarting
        String holder = job(jobId).leaseOwner;
        assertThat(holder).isIn("instance-a", "instance-b");
        imports.resumeDue().block();
        assertThat(job(jobId).leaseOwner).isEqualTo(holder);

        // the claimant died: once its lease ran out, the restarted processor takes the job up and finishes it
        CLOCK.advance(importProperties.lease().plusSeconds(1));
        imports.start();
        importResume.start();
        JsonNode done = awaitFinished(sup, jobId, Duration.ofMinutes(4));

        assertThat(done.get("state").asText()).isEqualTo("DONE");
        assertThat(done.get("total").asLong()).isEqualTo(rows);
        assertThat(done.get("done").asLong()).isEqualTo(rows);
        assertThat(done.get("stored").asLong()).isEqualTo(rows - 3);
        assertThat(done.get("rejected").asLong()).isEqualTo(3);
        assertThat(customersOf(tenant)).isEqualTo(rows - 3);
        assertThat(mongo.count(Query.query(Criteria.where("jobId").is(jobId)), "import_row_errors").block()).isEqualTo(3);
        assertThat(job(jobId).resumes).isEqualTo(2);
        // the kept file goes once the job is done
        assertThat(Files.exists(importProperties.directory().resolve(interrupted.file))).isFalse();
        // titles come from the gender column
        assertThat(mongo.findOne(Query.query(Criteria.where("tenantId").is(tenant).and("name").is("客户1")),
                org.bson.Document.class, "customers").block().getString("title")).isEqualTo("MS");
    }

    @Test
    void onShutdownTheResumeCheckStopsBeforeTheJobsAreHandedBack() {
        // Spring stops the higher phase first: a check after the hand-back would claim the jobs again
        assertThat(importResume.getPhase()).isGreaterThan(imports.getPhase());
    }

    @Test
    void anXlsxImportReportsDuplicatesOfExistingCustomers() throws IOException {
        String tenant = tenant();
        String sup = token(tenant, "sup-1", "SUPERVISOR");
        createCustomer(sup, java.util.Map.of("name", "老客户", "category", "门诊",
                "phones", java.util.List.of(java.util.Map.of("number", "13700000002"))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "test", "1.0")) {
            Worksheet ws = wb.newWorksheet("客户");
            String[][] rows = {{"姓名", "手机", "类别"}, {"甲", "13700000001", "住院"}, {"乙", "13700000002", "住院"},
                    {"丙", "13700000003", "住院"}};
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    ws.value(r, c, rows[r][c]);
                }
            }
        }
        String jobId = upload(sup, "客户.xlsx", out.toByteArray()).expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
        JsonNode done = awaitFinished(sup, jobId, Duration.ofSeconds(30));
        assertThat(done.get("stored").asLong()).isEqualTo(2);
        assertThat(done.get("rejected").asLong()).isEqualTo(1);
        assertThat(customersOf(tenant)).isEqualTo(3);
        http.get().uri("/api/imports/{id}/errors", jobId).headers(h -> h.setBearerAuth(sup)).exchange()
                .expectBody(String.class).value(s -> assertThat(s).contains("3,phone,duplicate"));
    }

    @Test
    void aFileWithoutTheRequiredColumnsFailsAsAWhole() {
        String tenant = tenant();
        String sup = token(tenant, "sup-1", "SUPERVISOR");
        String jobId = upload(sup, "bad.csv", "foo,bar\n1,2\n".getBytes(StandardCharsets.UTF_8))
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
        JsonNode done = awaitFinished(sup, jobId, Duration.ofSeconds(30));
        assertThat(done.get("state").asText()).isEqualTo("FAILED");
        assertThat(done.get("failure").asText()).isNotBlank();
        assertThat(customersOf(tenant)).isZero();
    }

    @Test
    void anOversizedUploadIsA413AndAnAgentMayNotImport() {
        String tenant = tenant();
        byte[] big = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        upload(token(tenant, "sup-1", "SUPERVISOR"), "big.csv", big).expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        upload(token(tenant, "agent-1", "AGENT"), "small.csv", "姓名,手机\n甲,13700000009\n".getBytes(StandardCharsets.UTF_8))
                .expectStatus().isForbidden();
        assertThat(mongo.count(Query.query(Criteria.where("tenantId").is(tenant)), "import_jobs").block()).isZero();
    }
}
