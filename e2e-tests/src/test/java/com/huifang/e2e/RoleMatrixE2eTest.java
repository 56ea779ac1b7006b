package com.huifang.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.platform.security.AccessPolicy;
import com.huifang.platform.security.Role;
import com.huifang.testsupport.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.server.PathContainer;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every operation of every service × every role (issue 9 §4): the role policy each service declares
 * ({@code huifang/access/<service>.policy}) names every operation its OpenAPI document lists, and
 * the running services enforce it through the gateway — a role the policy leaves out gets 403
 * before anything is read, a role it names is let through (whatever the request then gets: 200,
 * 400, 404…), and a call without a token gets 401.
 */
class RoleMatrixE2eTest {

    record Cell(String operation, String role, int status, boolean expectedAllowed) {
    }

    @Test
    void everyOperationIsDeclaredAndEveryRoleGetsWhatThePolicySays() throws Exception {
        HuifangStack stack = HuifangStack.shared();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        WebClient web = WebClient.builder().codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
        List<HostileInputE2eTest.Operation> operations = HostileInputE2eTest.operations(http, stack.gatewayUrl());
        String tenant = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
        Random random = new Random(7);

        List<String> undeclared = new ArrayList<>();
        List<Cell> wrong = new ArrayList<>();
        int cells = 0;
        for (HostileInputE2eTest.Operation op : operations) {
            if (op.path().startsWith("/s/")) {
                continue; // customer survey pages: the link's own token, no bearer token
            }
            AccessPolicy policy = AccessPolicy.load(new ClassPathResource("huifang/access/" + op.service() + ".policy"));
            Optional<AccessPolicy.Rule> rule = firstMatch(policy, op);
            if (rule.isEmpty()) {
                undeclared.add(op.service() + ": " + op.method() + " " + op.path());
                continue;
            }
            HostileInputE2eTest.Answer anonymous = HostileInputE2eTest.send(web, request(stack, op, null, random));
            cells++;
            if (anonymous.status() != 401) {
                wrong.add(new Cell(op.method() + " " + op.path(), "(no token)", anonymous.status(), false));
            }
            for (Role role : Role.values()) {
                boolean allowed = rule.get().roles().isEmpty() || rule.get().roles().contains(role);
                String token = TestInfrastructure.token(tenant, "matrix-" + role.name().toLowerCase(), role.name());
                HostileInputE2eTest.Answer answer = HostileInputE2eTest.send(web, request(stack, op, token, random));
                cells++;
                boolean denied = answer.status() == 403 || answer.status() == 401;
                if (allowed == denied || answer.status() >= 500) {
                    wrong.add(new Cell(op.method() + " " + op.path(), role.name(), answer.status(), allowed));
                }
            }
        }
        System.out.printf("role matrix: %d operations, %d calls, %d undeclared, %d wrong%n", operations.size(), cells,
                undeclared.size(), wrong.size());
        assertThat(undeclared).as("operations no access policy line names").isEmpty();
        assertThat(wrong).as("calls answered against the policy (expectedAllowed=false means 401/403 expected)")
                .isEmpty();
    }

    private static Optional<AccessPolicy.Rule> firstMatch(AccessPolicy policy, HostileInputE2eTest.Operation op) {
        // a concrete path for the OpenAPI template: {id} → an id-like segment
        String concrete = op.path().replaceAll("\\{[^}]+}", "x1");
        for (AccessPolicy.Rule r : policy.rules()) {
            boolean method = r.method() == null || r.method().name().equals(op.method());
            if (method && PathPatternParser.defaultInstance.parse(r.pattern()).matches(PathContainer.parsePath(concrete))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The operation with ids that exist nowhere and a plausible body: enough to reach the role check. */
    private static HttpRequest request(HuifangStack stack, HostileInputE2eTest.Operation op, String token, Random random) {
        String path = op.path().replaceAll("\\{[^}]+}", "matrix-" + random.nextInt(1_000_000));
        StringBuilder query = new StringBuilder();
        for (JsonNode p : op.operation().path("parameters")) {
            if ("query".equals(p.path("in").asText()) && p.path("required").asBoolean()) {
                query.append(query.length() == 0 ? '?' : '&').append(p.path("name").asText()).append("=x");
            }
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path + query))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        JsonNode schema = op.operation().path("requestBody").path("content").path("application/json").path("schema");
        if (!schema.isMissingNode()) {
            String body = HostileInputE2eTest.sample(HostileInputE2eTest.resolve(schema, op.components()),
                    op.components(), random, 0).toString();
            b.header("Content-Type", "application/json");
            return b.method(op.method(), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        }
        return b.method(op.method(), HttpRequest.BodyPublishers.noBody()).build();
    }
}
