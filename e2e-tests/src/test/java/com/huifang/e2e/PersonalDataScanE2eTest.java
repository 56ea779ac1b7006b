package com.huifang.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huifang.load.HttpLoad;
import com.huifang.load.PartnerPush;
import com.huifang.testsupport.TestInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Personal data at rest (issue 9 §5): after customers with phones and ID numbers came in through
 * the API and a partner push, and a supervisor revealed some, no database of any service holds a
 * phone or ID number in clear — and every reveal left exactly one entry in the shared audit trail.
 * The scan reads every document of every database of the store (the other flows' data too).
 */
class PersonalDataScanE2eTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * A mainland mobile or an 18-character resident ID number standing alone: not part of a longer run
     * of digits or letters (a UUID, a hash, a hex id).
     */
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z])1[3-9][0-9]{9}(?![0-9A-Za-z])");
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])");

    @Test
    void noStoreHoldsAPhoneOrIdNumberInClearAndEveryRevealIsAudited() throws Exception {
        HuifangStack stack = HuifangStack.shared();
        HttpClient http = HttpLoad.newClient();
        String tenant = "pii-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = TestInfrastructure.token(tenant, "admin-1", "ADMIN");
        String supervisor = TestInfrastructure.token(tenant, "sup-1", "SUPERVISOR");
        String auditor = TestInfrastructure.token(tenant, "aud-1", "AUDITOR");

        List<String> secrets = new ArrayList<>();
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String phone = "1390731" + String.format("%04d", 4000 + i);
            String id = idNumber("110105" + "19800101" + "12" + i);
            secrets.add(phone);
            secrets.add(id);
            HttpResponse<String> created = send(http, HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/customers"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"测试" + i + "\",\"category\":\"住院\","
                            + "\"phones\":[{\"label\":\"mobile\",\"number\":\"" + phone + "\",\"primary\":true}],"
                            + "\"idNumber\":\"" + id + "\"}")).build());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode body = JSON.readTree(created.body());
            customers.add(body.path("id").asText());
            assertThat(created.body()).doesNotContain(phone).doesNotContain(id);
        }
        PartnerPush push = PartnerPush.register(http, stack.gatewayUrl(), stack.gatewayUrl(), admin, tenant.substring(4));
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = send(http, push.request(90_731_000 + i));
            assertThat(r.statusCode()).isEqualTo(202);
            secrets.add("139" + String.format("%08d", 90_731_000 + i));
        }

        int reveals = 0;
        for (String customer : customers.subList(0, 2)) {
            for (String field : List.of("PHONE", "ID_NUMBER")) {
                HttpResponse<String> r = send(http, HttpRequest.newBuilder(URI.create(stack.gatewayUrl()
                                + "/api/customers/" + customer + "/reveal"))
                        .header("Authorization", "Bearer " + supervisor).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"field\":\"" + field
                                + "\",\"reason\":\"客户来电核实身份\"}")).build());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                reveals++;
            }
        }

        // every reveal: one entry in the shared trail, read back by an auditor
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int audited = 0;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> trail = send(http, HttpRequest.newBuilder(URI.create(stack.gatewayUrl()
                    + "/api/audit?targetType=customer&limit=200")).header("Authorization", "Bearer " + auditor).build());
            assertThat(trail.statusCode()).as(trail.body()).isEqualTo(200);
            audited = 0;
            for (JsonNode e : JSON.readTree(trail.body()).path("entries")) {
                if (e.path("action").asText().endsWith(".revealed")) {
                    audited++;
                }
            }
            if (audited >= reveals) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(audited).as("audit entries of reveals").isEqualTo(reveals);

        List<String> findings = new ArrayList<>();
        try (MongoClient client = MongoClients.create(TestInfrastructure.mongoUri())) {
            // the copies of all six customers reached the services that keep one: scan after that, not after a guess
            awaitCopies(client, tenant, customers.size() + 3, Duration.ofSeconds(60));
            for (String db : client.listDatabaseNames()) {
                for (String collection : client.getDatabase(db).listCollectionNames()) {
                    for (Document d : client.getDatabase(db).getCollection(collection).find()) {
                        String text = d.toJson();
                        for (String s : secrets) {
                            if (text.contains(s)) {
                                findings.add(db + "." + collection + " " + d.get("_id") + ": holds " + s);
                            }
                        }
                        for (Pattern p : List.of(MOBILE, ID_NUMBER)) {
                            Matcher m = p.matcher(text);
                            while (m.find()) {
                                findings.add(db + "." + collection + " " + d.get("_id") + ": " + m.group());
                            }
                        }
                    }
                }
            }
        }
        assertThat(findings).as("plaintext phones / ID numbers at rest").isEmpty();
    }

    /** Waits until schedule-service's and survey-service's customer copies of the tenant number {@code expected}. */
    private static void awaitCopies(MongoClient client, String tenant, int expected, Duration timeout)
            throws InterruptedException {
        Map<String, String> copies = Map.of("schedule-service", "customer_copies", "survey-service", "survey_customers");
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Long> seen = new java.util.TreeMap<>();
        while (System.nanoTime() < deadline) {
            seen.clear();
            for (String db : client.listDatabaseNames()) {
                copies.forEach((service, collection) -> {
                    if (db.startsWith("e2e-" + service + "-")) {
                        seen.merge(service, client.getDatabase(db).getCollection(collection)
                                .countDocuments(new Document("tenantId", tenant)), Long::sum);
                    }
                });
            }
            if (seen.size() == copies.size() && seen.values().stream().allMatch(n -> n >= expected)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("customer copies did not arrive within " + timeout + ": " + seen);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** 17 digits + the GB 11643 check character. */
    static String idNumber(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
