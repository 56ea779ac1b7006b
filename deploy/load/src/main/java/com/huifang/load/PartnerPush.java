package com.huifang.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huifang.local.DemoData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A hospital's HIS pushing discharges: one signed {@code DISCHARGED} event per new patient (own
 * reference and mobile number), so each accepted push must become exactly one customer and one
 * visit (the default inpatient plan).
 */
public final class PartnerPush {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String partnerId;
    private final String secret;
    private final String run;
    /** Customer ids the server answered with, to check every push became a visit. */
    public final Set<String> customerIds;

    private PartnerPush(String baseUrl, String partnerId, String secret, String run, Set<String> customerIds) {
        this.baseUrl = baseUrl;
        this.partnerId = partnerId;
        this.secret = secret;
        this.run = run;
        this.customerIds = customerIds;
    }

    /** Registers a partner for the admin's tenant through {@code gatewayUrl}, then pushes to {@code baseUrl}. */
    public static PartnerPush register(HttpClient client, String gatewayUrl, String baseUrl, String adminToken, String run)
            throws IOException, InterruptedException {
        String partnerId = "load-his-" + run;
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/partners"))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"partnerId\":\"" + partnerId + "\",\"name\":\"load HIS\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("registering the load partner answered " + r.statusCode() + ": " + r.body());
        }
        JsonNode body = JSON.readTree(r.body());
        return new PartnerPush(baseUrl, partnerId, body.path("secret").asText(), run, ConcurrentHashMap.newKeySet());
    }

    /** The same partner pushing to another address (a proxy); the customer ids it gets back count together. */
    public PartnerPush via(String otherBaseUrl) {
        return new PartnerPush(otherBaseUrl, partnerId, secret, run, customerIds);
    }

    /** The i-th patient's discharge, signed now. */
    public HttpRequest request(long i) {
        String ref = "P" + run + "-" + i;
        String phone = "139" + String.format("%08d", i % 100_000_000L);
        byte[] body = ("{\"type\":\"DISCHARGED\",\"occurredAt\":\"" + Instant.now().minusSeconds(3 * 86_400)
                + "\",\"customer\":{\"ref\":\"" + ref + "\",\"name\":\"负载测试" + i + "\",\"phones\":[\"" + phone
                + "\"],\"category\":\"住院\",\"staffIds\":[\"dr-load\"]},\"attributes\":{\"department\":\"骨科\"}}")
                .getBytes(StandardCharsets.UTF_8);
        String eventId = "load-" + run + "-" + i;
        long ts = Instant.now().getEpochSecond();
        return HttpRequest.newBuilder(URI.create(baseUrl + "/api/partner/events"))
                .header("Content-Type", "application/json")
                .header("X-Huifang-Partner", partnerId)
                .header("X-Huifang-Event-Id", eventId)
                .header("X-Huifang-Timestamp", Long.toString(ts))
                .header("X-Huifang-Signature", DemoData.sign(secret, eventId, ts, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    /** Keeps the customer id of a 202 answer. */
    public void accepted(String body) {
        int at = body.indexOf("\"customerId\":\"");
        if (at >= 0) {
            int from = at + 14;
            int to = body.indexOf('"', from);
            if (to > from) {
                customerIds.add(body.substring(from, to));
            }
        }
    }
}
