package com.huifang.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huifang.load.HttpLoad;
import com.huifang.load.PartnerPush;
import com.huifang.platform.security.Role;
import com.huifang.testsupport.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Tenant isolation at every endpoint (issue 9 §4): tenant A owns a customer, a visit, an issue, a
 * plan and a team; tenant B — with every role in turn — calls every operation of every service's
 * OpenAPI document with A's ids in the path. Nothing B reads contains anything of A, and nothing
 * of A changed afterwards, whatever B sent.
 */
class TenantIsolationE2eTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anotherTenantReadsNothingAndChangesNothingAtAnyEndpoint() throws Exception {
        HuifangStack stack = HuifangStack.shared();
        HttpClient http = HttpLoad.newClient();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String a = "iso-a-" + run;
        String b = "iso-b-" + run;
        String adminA = TestInfrastructure.token(a, "admin-a", "ADMIN", "SUPERVISOR");
        String marker = "隔离甲" + run;

        // tenant A's own things
        JsonNode customer = call(http, "POST", stack.gatewayUrl() + "/api/customers", adminA,
                "{\"name\":\"" + marker + "\",\"category\":\"住院\",\"phones\":[{\"label\":\"m\",\"number\":\"13907315555\",\"primary\":true}]}");
        String customerId = customer.path("id").asText();
        PartnerPush push = PartnerPush.register(http, stack.gatewayUrl(), stack.gatewayUrl(), adminA, run);
        HttpResponse<String> pushed = http.send(push.request(1), HttpResponse.BodyHandlers.ofString());
        assertThat(pushed.statusCode()).isEqualTo(202);
        push.accepted(pushed.body());
        String pushedCustomer = push.customerIds.isEmpty() ? null : push.customerIds.iterator().next();
        String visitId = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (visitId == null && System.nanoTime() < deadline) {
            JsonNode visits = call(http, "GET", stack.gatewayUrl() + "/api/visits?customerId=" + pushedCustomer, adminA, null);
            if (visits.size() > 0) {
                visitId = visits.get(0).path("id").asText();
            } else {
                Thread.sleep(300);
            }
        }
        assertThat(visitId).as("tenant A's visit").isNotNull();
        JsonNode issue = call(http, "POST", stack.gatewayUrl() + "/api/issues", adminA,
                "{\"category\":\"DELIVERY\",\"description\":\"" + marker + " 少送了门板\",\"customerId\":\"" + customerId + "\"}");
        String issueId = issue.path("id").asText();
        JsonNode plan = call(http, "POST", stack.gatewayUrl() + "/api/plans/packs/hospital-outpatient", adminA, null);
        String planId = plan.path("id").asText();
        call(http, "PUT", stack.gatewayUrl() + "/api/teams/iso-team", adminA,
                "{\"name\":\"" + marker + "\",\"agents\":[{\"id\":\"agent-a\",\"capacityPerWindow\":5}]}");

        Map<String, String> snapshotPaths = new LinkedHashMap<>();
        snapshotPaths.put("customer", "/api/customers/" + customerId);
        snapshotPaths.put("visit", "/api/visits/" + visitId);
        snapshotPaths.put("issue", "/api/issues/" + issueId);
        snapshotPaths.put("plan", "/api/plans/" + planId);
        snapshotPaths.put("team", "/api/teams/iso-team");
        Thread.sleep(2_000); // A's own events settle (issue routing, facts) before the snapshot
        Map<String, String> before = snapshot(http, stack, adminA, snapshotPaths);

        // what only tenant A's data holds (A's customer id is not among them: B's probes send it in bodies,
        // and B's own records may then carry it back)
        List<String> markers = List.of(a, visitId, issueId, marker, pushedCustomer);
        WebClient web = WebClient.builder().codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
        Random random = new Random(11);
        List<String> leaks = new ArrayList<>();
        int calls = 0;
        for (HostileInputE2eTest.Operation op : HostileInputE2eTest.operations(http, stack.gatewayUrl())) {
            if (op.path().startsWith("/s/")) {
                continue;
            }
            String path = substitute(op.path(), customerId, visitId, issueId, planId);
            for (Role role : Role.values()) {
                String token = TestInfrastructure.token(b, "b-" + role.name().toLowerCase(), role.name());
                HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path + query(op)))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
                JsonNode schema = op.operation().path("requestBody").path("content").path("application/json").path("schema");
                if (!schema.isMissingNode()) {
                    String body = HostileInputE2eTest.sample(HostileInputE2eTest.resolve(schema, op.components()),
                            op.components(), random, 0).toString()
                            .replace("\"sample\"", "\"" + customerId + "\""); // A's ids in bodies too
                    r.header("Content-Type", "application/json")
                            .method(op.method(), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
                } else {
                    r.method(op.method(), HttpRequest.BodyPublishers.noBody());
                }
                HostileInputE2eTest.Answer answer = HostileInputE2eTest.send(web, r.build());
                calls++;
                if (answer.status() >= 500) {
                    leaks.add(op.method() + " " + path + " as B/" + role + ": " + answer.status());
                }
                if (answer.status() < 300) {
                    for (String m : markers) {
                        if (m != null && answer.body().contains(m)) {
                            leaks.add(op.method() + " " + path + " as B/" + role + " answered " + answer.status()
                                    + " with tenant A's " + m);
                        }
                    }
                }
            }
        }
        Map<String, String> after = snapshot(http, stack, adminA, snapshotPaths);
        System.out.printf("tenant isolation: %d calls by tenant B over every operation and role, %d findings%n",
                calls, leaks.size());
        assertThat(leaks).as("tenant B reading or breaking tenant A").isEmpty();
        assertThat(after).as("tenant A's records after tenant B's calls").isEqualTo(before);
    }

    private static String substitute(String path, String customerId, String visitId, String issueId, String planId) {
        String[] parts = path.split("/");
        StringBuilder out = new StringBuilder();
        String previous = "";
        for (String p : parts) {
            if (p.isEmpty()) {
                continue;
            }
            out.append('/');
            if (p.startsWith("{")) {
                out.append(switch (previous) {
                    case "customers" -> customerId;
                    case "visits" -> visitId;
                    case "issues" -> issueId;
                    case "plans" -> planId;
                    case "teams" -> "iso-team";
                    default -> "iso-unknown";
                });
            } else {
                out.append(p);
            }
            previous = p;
        }
        return out.toString();
    }

    private static String query(HostileInputE2eTest.Operation op) {
        StringBuilder q = new StringBuilder();
        for (JsonNode p : op.operation().path("parameters")) {
            if ("query".equals(p.path("in").asText()) && p.path("required").asBoolean()) {
                q.append(q.length() == 0 ? '?' : '&').append(p.path("name").asText()).append("=x");
            }
        }
        return q.toString();
    }

    private static Map<String, String> snapshot(HttpClient http, HuifangStack stack, String token,
                                                Map<String, String> paths) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : paths.entrySet()) {
            JsonNode node = call(http, "GET", stack.gatewayUrl() + e.getValue(), token, null);
            if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
                // figures computed at read time (business time left on an SLA) move with the clock
                o.remove(List.of("sla", "slas", "timers", "remaining", "atRisk", "overdue"));
            }
            out.put(e.getKey(), node.toString());
        }
        return out;
    }

    private static JsonNode call(HttpClient http, String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30));
        if (body != null) {
            r.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            r.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + url + ": " + response.body()).isLessThan(300);
        return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }
}
