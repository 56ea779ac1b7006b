package com.huifang.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Loads the demo tenant's data through the gateway's public API, idempotently: a partner system
 * (its secret kept in the data folder), signed discharge events of a few patients (event ids are
 * fixed, so a second run records nothing new), and, once, one call of the skeleton flow (an agent
 * reaches a patient who scores 1 of 5, which raises an issue). Anything beyond the partner push is
 * best effort: it warns rather than failing the stack.
 */
public final class DemoData {

    public static final String PARTNER_ID = "his-" + LauncherOptions.DEMO_TENANT;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** A demo patient: partner reference, name, department, days since discharge. */
    record Patient(String ref, String name, String department, int daysAgo) {
    }

    static final List<Patient> PATIENTS = List.of(
            new Patient("P-1001", "张伟", "骨科", 8),
            new Patient("P-1002", "王芳", "心内科", 9),
            new Patient("P-1003", "李娜", "普外科", 8),
            new Patient("P-1004", "刘洋", "骨科", 3),
            new Patient("P-1005", "陈静", "妇产科", 1));

    private final String gateway;
    private final DevTokens tokens;
    private final StackLayout layout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> notes = new ArrayList<>();

    public DemoData(String gateway, DevTokens tokens, StackLayout layout) {
        this.gateway = gateway;
        this.tokens = tokens;
        this.layout = layout;
    }

    /** Lower-case hex HMAC-SHA256 of {@code eventId.timestamp.body}: the partner push signature. */
    public static String sign(String secret, String eventId, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((eventId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The discharge event of a patient as the hospital's HIS pushes it (bytes as signed). */
    static byte[] dischargeBody(Patient p, LocalDate today) {
        Instant occurredAt = today.minusDays(p.daysAgo()).atTime(LocalTime.of(14, 30)).atZone(ZONE).toInstant();
        return ("{\"type\":\"DISCHARGED\",\"occurredAt\":\"" + occurredAt + "\","
                + "\"customer\":{\"ref\":\"" + p.ref() + "\",\"name\":\"" + p.name() + "\",\"category\":\"住院\","
                + "\"staffIds\":[\"dr-zhou\"]},\"attributes\":{\"department\":\"" + p.department() + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Loads everything; returns one line per step for the launcher's summary. */
    public List<String> load(Instant now) throws InterruptedException {
        String admin = token("admin", "ADMIN");
        Optional<String[]> partner = partner(admin);
        if (partner.isEmpty()) {
            return notes;
        }
        String partnerId = partner.get()[0];
        String secret = partner.get()[1];
        LocalDate today = now.atZone(ZONE).toLocalDate();
        int recorded = 0;
        int duplicate = 0;
        Map<String, String> customerIds = new LinkedHashMap<>();
        for (Patient p : PATIENTS) {
            byte[] body = dischargeBody(p, today);
            String eventId = "demo-discharge-" + p.ref();
            long ts = Instant.now().getEpochSecond();
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/partner/events"))
                    .header("Content-Type", "application/json")
                    .header("X-Huifang-Partner", partnerId)
                    .header("X-Huifang-Event-Id", eventId)
                    .header("X-Huifang-Timestamp", Long.toString(ts))
                    .header("X-Huifang-Signature", sign(secret, eventId, ts, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
            if (r.statusCode() != 202) {
                notes.add("WARN push of " + p.ref() + " answered " + r.statusCode() + ": " + r.body());
                continue;
            }
            JsonNode accepted = parse(r.body());
            customerIds.put(p.ref(), accepted.path("customerId").asText());
            if ("DUPLICATE".equals(accepted.path("status").asText())) {
                duplicate++;
            } else {
                recorded++;
            }
        }
        notes.add("partner " + partnerId + ": " + PATIENTS.size() + " discharge events pushed (" + recorded
                + " new, " + duplicate + " already there)");
        skeletonCall(customerIds.get(PATIENTS.get(0).ref()));
        return notes;
    }

    /** The demo partner's id and secret: registered once, the secret kept in the data folder. */
    private Optional<String[]> partner(String admin) throws InterruptedException {
        Optional<String> stored = layout.read(layout.partnerFile());
        if (stored.isPresent()) {
            String[] parts = stored.get().split("\\s+");
            if (parts.length == 2) {
                return Optional.of(parts);
            }
        }
        for (String id : List.of(PARTNER_ID, PARTNER_ID + "-" + UUID.randomUUID().toString().substring(0, 6))) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/partners"))
                    .header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"partnerId\":\"" + id + "\",\"name\":\"演示医院 HIS\"}")));
            if (r.statusCode() == 201) {
                String secret = parse(r.body()).path("secret").asText();
                layout.writeSecret(layout.partnerFile(), id + " " + secret);
                notes.add("registered partner " + id + " (secret in " + layout.partnerFile() + ")");
                return Optional.of(new String[] {id, secret});
            }
            if (r.statusCode() != 409) {
                notes.add("WARN registering the demo partner answered " + r.statusCode() + ": " + r.body());
                return Optional.empty();
            }
            // registered by an earlier run whose secret this data folder does not hold: use a new id
        }
        notes.add("WARN cannot register a demo partner");
        return Optional.empty();
    }

    /**
     * Once per data folder: agent-li calls the first patient, records a completed call, the patient
     * scores 1 of 5; feedback raises an issue. Best effort, bounded waits.
     */
    private void skeletonCall(String customerId) throws InterruptedException {
        if (customerId == null || customerId.isBlank() || layout.read(layout.demoMarker()).isPresent()) {
            return;
        }
        String agent = token("agent-li", "AGENT");
        JsonNode visit = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (visit == null && System.nanoTime() < deadline) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/worklist"))
                    .header("Authorization", "Bearer " + agent).GET());
            if (r.statusCode() == 200) {
                for (JsonNode v : parse(r.body())) {
                    if (customerId.equals(v.path("customerId").asText())) {
                        visit = v;
                    }
                }
            }
            if (visit == null) {
                Thread.sleep(500);
            }
        }
        if (visit == null) {
            notes.add("WARN the first patient's visit did not reach agent-li's worklist within 30 s: no demo call");
            return;
        }
        String visitId = visit.path("id").asText();
        HttpResponse<String> attempt = send(HttpRequest.newBuilder(uri("/api/visits/" + visitId + "/attempts"))
                .header("Authorization", "Bearer " + agent)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"outcome\":\"REACHED\",\"ringSeconds\":8,\"durationSeconds\":240,\"completeVisit\":true}")));
        if (attempt.statusCode() != 201 && attempt.statusCode() != 409) {
            notes.add("WARN recording the demo call answered " + attempt.statusCode() + ": " + attempt.body());
            return;
        }
        // the survey service learns of the completed visit through Kafka: retry until it has
        int status = 0;
        String answer = "";
        deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/surveys/responses"))
                    .header("Authorization", "Bearer " + agent)
                    .header("Content-Type", "application/json")
                    // the answers of the hospital-inpatient survey template, nurses rated 1 of 5
                    .POST(HttpRequest.BodyPublishers.ofString("{\"visitId\":\"" + visitId
                            + "\",\"answers\":{\"recovery\":\"good\",\"symptom\":false,\"doctors\":4,"
                            + "\"nurses\":1,\"suggestions\":\"护士态度不好\"}}", StandardCharsets.UTF_8)));
            status = r.statusCode();
            answer = r.body();
            if (status == 201 || status == 409) {
                break;
            }
            Thread.sleep(500);
        }
        if (status != 201 && status != 409) {
            notes.add("WARN recording the demo survey answered " + status + ": " + answer);
            return;
        }
        layout.write(layout.demoMarker(), "visit " + visitId + "\n");
        notes.add("agent-li called patient P-1001 (visit " + visitId + "), nurses rated 1 of 5 → an issue for sup-wang");
    }

    private String token(String user, String role) {
        return tokens.mint(LauncherOptions.DEMO_TENANT, user, List.of(role), Duration.ofMinutes(10));
    }

    private URI uri(String path) {
        return URI.create(gateway + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws InterruptedException {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StackException("demo data: " + request.build().uri() + " failed: " + e);
        }
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.missingNode();
        }
    }
}
