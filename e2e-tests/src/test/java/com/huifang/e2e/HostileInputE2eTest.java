package com.huifang.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huifang.testsupport.TestInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Hostile input, derived from each service's own OpenAPI document: for every operation, requests
 * with missing fields, wrong types, huge strings, deep JSON, unicode edge cases and injection
 * strings such as {"$gt": ""} in every field, fired through the gateway. Every answer must be a
 * 2xx or a problem+json 4xx: zero 5xx. Each request runs in a tenant of its own, so that afterwards
 * the stores can be scanned: no tenant whose request was rejected owns a single document.
 *
 * <p>{@code verify} fires a bounded number ({@code -Dhuifang.hostile.requests}, default 2,000);
 * the full run is {@code ./mvnw -pl e2e-tests -am verify -Dtest=HostileInputE2eTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dhuifang.hostile.requests=10000}.
 */
class HostileInputE2eTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> NASTY_STRINGS = List.of(
            "", " ", "\u0000", "\ud800", "\u202e\u202d", "😀👨‍👩‍👧", "\u200b\ufeff", "'; DROP TABLE customers; --",
            "<script>alert(1)</script>", "${jndi:ldap://x}", "../../etc/passwd", "%00", "\\", "\"",
            "null", "true", "-1", "1e309", "9".repeat(400), "x".repeat(100_000), "{\"$gt\": \"\"}", "$where",
            "2026-02-30T25:61:00Z", "+86 138 0000 0000 ext. 999999999999", "张".repeat(5000));

    record Operation(String service, String method, String path, JsonNode operation, JsonNode components) {
    }

    record Outcome(int status, String contentType, String tenant, String method, String uri) {
    }

    @Test
    void thousandsOfHostileRequestsGetNoServerErrorAndWriteNothing() throws Exception {
        HuifangStack stack = HuifangStack.shared();
        int budget = Integer.getInteger("huifang.hostile.requests", 2_000);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        var web = org.springframework.web.reactive.function.client.WebClient.builder()
                .codecs(c -> c.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();
        List<Operation> operations = operations(http, stack.gatewayUrl());
        assertThat(operations).as("operations found in the OpenAPI documents").hasSizeGreaterThan(8);

        Random random = new Random(20261122);
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, Integer> serverErrors = new TreeMap<>();
        int sent = 0;
        while (sent < budget) {
            for (Operation op : operations) {
                if (sent >= budget) {
                    break;
                }
                String tenant = "fuzz-" + sent;
                String token = TestInfrastructure.token(tenant, "fuzzer-" + sent, "ADMIN", "SUPERVISOR", "AGENT",
                        "HANDLER", "AUDITOR");
                HttpRequest request = hostileRequest(stack.gatewayUrl(), op, token, random);
                Answer response = send(web, request);
                outcomes.add(new Outcome(response.status(), response.contentType(), tenant, op.method(),
                        request.uri().toString()));
                if (response.status() >= 500) {
                    serverErrors.merge(op.method() + " " + op.path() + " -> " + response.status() + " "
                            + abbreviate(response.body()), 1, Integer::sum);
                }
                sent++;
            }
        }

        assertThat(serverErrors).as("5xx answers").isEmpty();
        // the survey link pages (/s/**) are HTML pages for customers and answer with HTML by design
        assertThat(outcomes).filteredOn(o -> o.status() >= 400 && !o.uri().contains("/s/"))
                .allSatisfy(o -> assertThat(o.contentType()).startsWith("application/problem+json"));
        assertThat(outcomes).filteredOn(o -> o.status() >= 400).hasSizeGreaterThan(budget / 2);

        Set<String> rejectedTenants = ConcurrentHashMap.newKeySet();
        outcomes.stream().filter(o -> o.status() >= 400).forEach(o -> rejectedTenants.add(o.tenant()));
        assertThat(documentsOwnedBy(rejectedTenants)).as("documents written by rejected requests").isEmpty();
        System.out.printf("hostile input: %d requests over %d operations, %d rejected, %d accepted, 0 server errors%n",
                sent, operations.size(), outcomes.stream().filter(o -> o.status() >= 400).count(),
                outcomes.stream().filter(o -> o.status() < 400).count());
    }

    /** Every operation of every service's OpenAPI document, except the HMAC-signed partner pushes. */
    static List<Operation> operations(HttpClient http, String gateway) throws Exception {
        List<Operation> out = new ArrayList<>();
        for (String service : HuifangStack.SERVICES.keySet()) {
            HttpResponse<String> doc = http.send(HttpRequest.newBuilder(URI.create(gateway + "/v3/api-docs/" + service))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(doc.statusCode()).as("api-docs of " + service).isEqualTo(200);
            JsonNode root = JSON.readTree(doc.body());
            Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                if (path.getKey().startsWith("/api/partner/")) {
                    continue;
                }
                path.getValue().fields().forEachRemaining(m -> out.add(new Operation(service,
                        m.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), m.getValue(),
                        root.path("components"))));
            }
        }
        return out;
    }

    record Answer(int status, String contentType, String body) {
    }

    /**
     * Sends through Reactor Netty's client (what a Spring service would use): its pool notices a
     * connection the server closed after answering early (a rejected body that was never read), where
     * the JDK client may wait on it until it times out.
     */
    static Answer send(org.springframework.web.reactive.function.client.WebClient web, HttpRequest request) {
        String body = request.bodyPublisher().map(HostileInputE2eTest::bodyOf).orElse(null);
        var spec = web.method(org.springframework.http.HttpMethod.valueOf(request.method())).uri(request.uri())
                .headers(h -> request.headers().map().forEach(h::addAll));
        var ready = body == null ? spec : spec.bodyValue(body);
        try {
            return ready.exchangeToMono(r -> r.bodyToMono(String.class).defaultIfEmpty("")
                            .map(b -> new Answer(r.statusCode().value(),
                                    r.headers().contentType().map(Object::toString).orElse(""), b)))
                    .block(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            throw new AssertionError("No answer to " + request.method() + " " + request.uri() + " "
                    + request.headers().firstValue("Content-Type").orElse("") + " body: "
                    + (body == null ? "none" : abbreviate(body) + " (" + body.length() + " chars)"), e);
        }
    }

    private static String bodyOf(HttpRequest.BodyPublisher publisher) {
        var collected = new java.io.ByteArrayOutputStream();
        var done = new java.util.concurrent.CompletableFuture<Void>();
        publisher.subscribe(new java.util.concurrent.Flow.Subscriber<java.nio.ByteBuffer>() {
            @Override
            public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(java.nio.ByteBuffer item) {
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                collected.writeBytes(bytes);
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        done.join();
        return collected.size() == 0 ? null : collected.toString(StandardCharsets.UTF_8);
    }

    static HttpRequest hostileRequest(String gateway, Operation op, String token, Random random) {
        StringBuilder path = new StringBuilder();
        for (String segment : op.path().split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            path.append('/');
            path.append(segment.startsWith("{") ? encode(pick(random, List.of("nope", "{\"$gt\": \"\"}",
                    "x".repeat(3000), "..%2F..%2F", "0", "-1", "😀", "%00", UUIDish(random)))) : segment);
        }
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : op.operation().path("parameters")) {
            if ("query".equals(parameter.path("in").asText()) && random.nextBoolean()) {
                String value = pick(random, NASTY_STRINGS);
                query.append(query.length() == 0 ? '?' : '&').append(parameter.path("name").asText()).append('=')
                        .append(encode(value.substring(0, Math.min(1000, value.length()))));
            }
        }
        // request lines are limited to 16 KiB by the HTTP codec (server.netty.max-initial-line-length)
        String target = gateway + path + query;
        if (target.length() > 12_000) {
            target = gateway + path;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept-Language", random.nextBoolean() ? "en" : "zh-CN");
        JsonNode schema = op.operation().path("requestBody").path("content").path("application/json").path("schema");
        String body = null;
        if (!schema.isMissingNode()) {
            body = hostileBody(resolve(schema, op.components()), op.components(), random);
        } else if (!op.operation().path("requestBody").isMissingNode()) {
            body = pick(random, List.of("{}", "not json", "[" .repeat(5000), "\u0000"));
        }
        String contentType = random.nextInt(10) == 0 ? "text/plain" : "application/json";
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        return request.method(op.method(), publisher).build();
    }

    /** One of: valid-looking body with one field broken, every field an injection, deep nesting, garbage. */
    static String hostileBody(JsonNode schema, JsonNode components, Random random) {
        switch (random.nextInt(6)) {
            case 0:
                return "{".repeat(1000) + "\"a\":" + "[".repeat(5000);
            case 1:
                return pick(random, List.of("", "null", "[]", "\"text\"", "12", "{\"unclosed\": ", "{\"a\":1}}"));
            default:
                ObjectNode body = sample(schema, components, random, 0);
                List<String> fields = new ArrayList<>();
                body.fieldNames().forEachRemaining(fields::add);
                if (fields.isEmpty()) {
                    body.put("unexpected", "{\"$gt\": \"\"}");
                    return body.toString();
                }
                String victim = pick(random, fields);
                switch (random.nextInt(5)) {
                    case 0 -> body.remove(victim);
                    case 1 -> body.set(victim, wrongType(body.get(victim), random));
                    case 2 -> body.put(victim, "x".repeat(100_000));
                    case 3 -> body.set(victim, JSON.createObjectNode().put("$gt", ""));
                    default -> fields.forEach(f -> body.put(f, pick(random, NASTY_STRINGS)));
                }
                return body.toString();
        }
    }

    /** A plausible body for a schema: every property with a value of its type. */
    static ObjectNode sample(JsonNode schema, JsonNode components, Random random, int depth) {
        ObjectNode out = JSON.createObjectNode();
        if (depth > 4) {
            return out;
        }
        schema.path("properties").fields().forEachRemaining(p -> {
            JsonNode s = resolve(p.getValue(), components);
            out.set(p.getKey(), value(s, components, random, depth));
        });
        return out;
    }

    private static JsonNode value(JsonNode s, JsonNode components, Random random, int depth) {
        if (s.has("enum")) {
            return s.get("enum").get(random.nextInt(s.get("enum").size()));
        }
        String type = s.path("type").asText("object");
        return switch (type) {
            case "integer" -> NODES.numberNode(random.nextInt(10));
            case "number" -> NODES.numberNode(random.nextDouble() * 10);
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            case "array" -> {
                ArrayNode a = NODES.arrayNode();
                a.add(value(resolve(s.path("items"), components), components, random, depth + 1));
                yield a;
            }
            case "string" -> NODES.textNode("date-time".equals(s.path("format").asText()) ? "2026-11-22T02:00:00Z"
                    : "date".equals(s.path("format").asText()) ? "2026-11-22" : "sample");
            default -> sample(s, components, random, depth + 1);
        };
    }

    private static JsonNode wrongType(JsonNode value, Random random) {
        if (value == null || value.isTextual()) {
            return random.nextBoolean() ? NODES.numberNode(42) : NODES.arrayNode().add("a");
        }
        if (value.isNumber() || value.isBoolean()) {
            return NODES.textNode("not-a-" + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return NODES.textNode("not an object");
    }

    static JsonNode resolve(JsonNode schema, JsonNode components) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            current = components.path("schemas").path(name);
        }
        return current;
    }

    /** Documents owned by any of the given tenants, across every database of the store. */
    static Map<String, Long> documentsOwnedBy(Set<String> tenants) {
        Map<String, Long> found = new LinkedHashMap<>();
        try (MongoClient client = MongoClients.create(TestInfrastructure.mongoUri())) {
            for (String db : client.listDatabaseNames()) {
                for (String collection : client.getDatabase(db).listCollectionNames()) {
                    long n = client.getDatabase(db).getCollection(collection)
                            .countDocuments(Filters.in("tenantId", tenants));
                    if (n > 0) {
                        found.put(db + "." + collection, n);
                    }
                }
            }
        }
        return found;
    }

    private static String UUIDish(Random random) {
        return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
