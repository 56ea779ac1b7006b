package com.huifang.survey.link.delivery.aliyun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stand-in for Alibaba Cloud's SMS endpoint on a local port. It checks each request as the provider documents it,
 * with its own implementation of the signature (the documentation's recipe: java.net.URLEncoder, then + → %20,
 * * → %2A, %7E → ~): the fixed parameters, the account, the sign name and template, a unique nonce, a UTC timestamp,
 * and the HMAC-SHA1 signature. A request that fails a check gets the provider's error. Phone numbers can be told to be
 * refused, to find the provider failing (HTTP 503) or to answer slowly.
 */
public final class FakeAliyunSms implements AutoCloseable {

    public static final String ACCESS_KEY_ID = "LTAI-test-key";
    public static final String ACCESS_KEY_SECRET = "test-secret-not-real";
    public static final String SIGN_NAME = "仁和医院";
    public static final String TEMPLATE_CODE = "SMS_465900001";

    private static final Set<String> REQUIRED = Set.of("AccessKeyId", "Action", "Format", "PhoneNumbers", "RegionId",
            "SignName", "SignatureMethod", "SignatureNonce", "SignatureVersion", "TemplateCode", "TemplateParam",
            "Timestamp", "Version", "Signature");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

    /** One accepted message: its number and its template values. */
    public record Sent(String phone, Map<String, String> templateParam) {
    }

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<String> rejections = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> requestsByPhone = new ConcurrentHashMap<>();
    private final Map<String, String> refused = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> slow = new ConcurrentHashMap<>();

    public FakeAliyunSms() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-aliyun-sms");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The provider refuses messages to this number with the given code (e.g. isv.MOBILE_NUMBER_ILLEGAL). */
    public void refuse(String phone, String code) {
        refused.put(phone, code);
    }

    /** The provider fails (HTTP 503) for this number. */
    public void fail(String phone) {
        failing.add(phone);
    }

    /** The provider takes this long to answer for this number. */
    public void slow(String phone, long millis) {
        slow.put(phone, millis);
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public List<Sent> sentTo(String phone) {
        return sent.stream().filter(s -> s.phone().equals(phone)).toList();
    }

    public int requestsFor(String phone) {
        AtomicInteger n = requestsByPhone.get(phone);
        return n == null ? 0 : n.get();
    }

    /** Requests that failed a check of the documented protocol (must stay empty). */
    public List<String> rejections() {
        return List.copyOf(rejections);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> params = query(exchange.getRequestURI().getRawQuery());
            String phone = params.getOrDefault("PhoneNumbers", "");
            requestsByPhone.computeIfAbsent(phone, p -> new AtomicInteger()).incrementAndGet();
            String problem = check(exchange, params);
            if (problem != null) {
                rejections.add(problem);
                respond(exchange, 400, "{\"Code\":\"" + problem + "\",\"Message\":\"" + problem + "\",\"RequestId\":\"r\"}");
                return;
            }
            Long delay = slow.get(phone);
            if (delay != null) {
                Thread.sleep(delay);
            }
            if (failing.contains(phone)) {
                respond(exchange, 503, "{\"Code\":\"ServiceUnavailable\",\"Message\":\"busy\",\"RequestId\":\"r\"}");
                return;
            }
            String code = refused.get(phone);
            if (code != null) {
                respond(exchange, 200, "{\"Code\":\"" + code + "\",\"Message\":\"refused\",\"RequestId\":\"r\"}");
                return;
            }
            JsonNode tp = json.readTree(params.get("TemplateParam"));
            Map<String, String> values = new TreeMap<>();
            tp.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
            sent.add(new Sent(phone, values));
            respond(exchange, 200, "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"9006197469364984^0\","
                    + "\"RequestId\":\"F655A8D5-B967-440B-8683-DAD6FF8DE990\"}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String check(HttpExchange exchange, Map<String, String> p) {
        if (!"GET".equals(exchange.getRequestMethod()) || !"/".equals(exchange.getRequestURI().getPath())) {
            return "InvalidRequest.MethodOrPath";
        }
        if (!p.keySet().equals(REQUIRED)) {
            return "MissingParameter";
        }
        if (!"SendSms".equals(p.get("Action")) || !"2017-05-25".equals(p.get("Version"))
                || !"HMAC-SHA1".equals(p.get("SignatureMethod")) || !"1.0".equals(p.get("SignatureVersion"))
                || !"JSON".equals(p.get("Format")) || !"cn-hangzhou".equals(p.get("RegionId"))) {
            return "InvalidParameter";
        }
        if (!ACCESS_KEY_ID.equals(p.get("AccessKeyId"))) {
            return "InvalidAccessKeyId.NotFound";
        }
        if (!SIGN_NAME.equals(p.get("SignName"))) {
            return "isv.SMS_SIGNATURE_ILLEGAL";
        }
        if (!TEMPLATE_CODE.equals(p.get("TemplateCode"))) {
            return "isv.SMS_TEMPLATE_ILLEGAL";
        }
        if (!TIMESTAMP.matcher(p.get("Timestamp")).matches()) {
            return "InvalidTimeStamp.Format";
        }
        if (!p.get("PhoneNumbers").matches("\\+?\\d{6,20}")) {
            return "isv.MOBILE_NUMBER_ILLEGAL";
        }
        Map<String, String> unsigned = new TreeMap<>(p);
        String signature = unsigned.remove("Signature");
        if (!expectedSignature(unsigned).equals(signature)) {
            return "SignatureDoesNotMatch";
        }
        if (!nonces.add(p.get("SignatureNonce"))) {
            return "SignatureNonceUsed";
        }
        return null;
    }

    private static String expectedSignature(Map<String, String> sortedParams) {
        String canonical = sortedParams.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String stringToSign = "GET&" + encode("/") + "&" + encode(canonical);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((ACCESS_KEY_SECRET + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new TreeMap<>();
        if (raw == null) {
            return params;
        }
        List<String> pairs = new ArrayList<>(List.of(raw.split("&")));
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
