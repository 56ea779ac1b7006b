package com.huifang.survey.link.delivery.aliyun;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huifang.survey.link.delivery.LinkMessage;
import com.huifang.survey.link.delivery.SmsDeliveryException;
import com.huifang.survey.link.delivery.SmsSender;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends survey links through Alibaba Cloud SMS ({@code dysmsapi}, action {@code SendSms}, API version 2017-05-25):
 * a signed GET ({@link AliyunRpcSignature}) with the approved sign name and template, the link's values in
 * {@code TemplateParam}. Blocking: called off the event loop.
 *
 * <p>Each attempt has a connect and a request timeout. Only failures that cannot have sent anything or that say the
 * provider is unwell (no connection, HTTP 5xx, throttling) are retried and counted by the circuit breaker; a refusal
 * of this message ({@code isv.*} codes, bad number) is reported at once, and a request that timed out after it was
 * sent is not repeated, since the customer may already have the message. The phone number is never logged in clear.
 */
public class AliyunSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(AliyunSmsSender.class);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param endpoint        e.g. https://dysmsapi.aliyuncs.com
     * @param signName        the approved SMS signature (签名), e.g. the organisation's short name
     * @param templateCode    the approved template (SMS_xxxxxxxx) whose variables are the message's parameters
     */
    public record Settings(URI endpoint, String accessKeyId, String accessKeySecret, String signName,
                           String templateCode, String regionId, Duration connectTimeout, Duration requestTimeout) {
    }

    private final Settings settings;
    private final HttpClient http;
    private final Clock clock;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;

    public AliyunSmsSender(Settings settings, Clock clock, CircuitBreaker circuitBreaker, Retry retry) {
        this.settings = settings;
        this.clock = clock;
        this.circuitBreaker = circuitBreaker;
        this.retry = retry;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Retry only what cannot have sent a message, or what the provider says was not accepted for its own reasons. */
    public static boolean worthRetrying(Throwable e) {
        return e instanceof SmsDeliveryException d && d.transientFailure() && !"TIMEOUT".equals(d.providerCode());
    }

    /** Failures that say the provider is unwell: they open the circuit; refusals of one message do not. */
    public static boolean providerFailure(Throwable e) {
        return e instanceof SmsDeliveryException d && d.transientFailure();
    }

    @Override
    public void send(LinkMessage message) {
        Runnable attempt = CircuitBreaker.decorateRunnable(circuitBreaker, () -> sendOnce(message));
        Retry.decorateRunnable(retry, attempt).run();
    }

    private void sendOnce(LinkMessage message) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccessKeyId", settings.accessKeyId());
        params.put("Action", "SendSms");
        params.put("Format", "JSON");
        params.put("PhoneNumbers", message.to());
        params.put("RegionId", settings.regionId());
        params.put("SignName", settings.signName());
        params.put("SignatureMethod", "HMAC-SHA1");
        params.put("SignatureNonce", UUID.randomUUID().toString());
        params.put("SignatureVersion", "1.0");
        params.put("TemplateCode", settings.templateCode());
        params.put("TemplateParam", templateParam(message.parameters()));
        params.put("Timestamp", TIMESTAMP.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        params.put("Version", "2017-05-25");
        String signature = AliyunRpcSignature.sign("GET", params, settings.accessKeySecret());
        URI uri = URI.create(settings.endpoint().toString().replaceAll("/+$", "") + "/?Signature="
                + AliyunRpcSignature.percentEncode(signature) + "&" + AliyunRpcSignature.canonicalizedQuery(params));
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(settings.requestTimeout())
                .header("Accept", "application/json").build();

        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new SmsDeliveryException("CONNECT", "SMS provider not reachable", true, e);
        } catch (java.net.http.HttpTimeoutException e) {
            throw new SmsDeliveryException("TIMEOUT", "SMS provider did not answer in " + settings.requestTimeout(),
                    true, e);
        } catch (IOException e) {
            throw new SmsDeliveryException("IO", "SMS provider connection failed: " + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsDeliveryException("INTERRUPTED", "SMS sending interrupted", false, e);
        }
        String code = codeOf(response.body());
        if (response.statusCode() == 200 && "OK".equals(code)) {
            log.info("SMS to {} accepted by Alibaba Cloud (request {})", LinkMessage.mask(message.to()),
                    field(response.body(), "RequestId"));
            return;
        }
        boolean unwell = response.statusCode() >= 500 || "isv.BUSINESS_LIMIT_CONTROL".equals(code)
                || "Throttling".equals(code) || (code != null && code.startsWith("ServiceUnavailable"));
        String reported = code != null ? code : "HTTP_" + response.statusCode();
        log.warn("SMS to {} not accepted by Alibaba Cloud: HTTP {} {}", LinkMessage.mask(message.to()),
                response.statusCode(), reported);
        throw new SmsDeliveryException(reported, "SMS provider refused the message: " + reported, unwell, null);
    }

    private static String templateParam(Map<String, String> parameters) {
        try {
            return JSON.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String codeOf(String body) {
        return field(body, "Code");
    }

    private static String field(String body, String name) {
        try {
            JsonNode node = JSON.readTree(body == null ? "" : body);
            return node == null || !node.hasNonNull(name) ? null : node.get(name).asText();
        } catch (IOException e) {
            return null;
        }
    }
}
