package com.huifang.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huifang.platform.correlation.CorrelationId;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes RFC 9457 problem+json in the caller's language (zh-CN by default, en when the
 * Accept-Language prefers English). Never includes a stack trace.
 */
public class ProblemRenderer {

    /** Base of every problem {@code type} URI; the suffix is the problem code. */
    public static final String TYPE_BASE = "https://huifang.dev/problems/";
    public static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages;
    private final ObjectMapper json;

    public ProblemRenderer(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** The language of the answer: English when asked for first, otherwise Simplified Chinese. */
    public static Locale localeOf(ServerWebExchange exchange) {
        List<Locale.LanguageRange> ranges;
        try {
            ranges = exchange.getRequest().getHeaders().getAcceptLanguage();
        } catch (IllegalArgumentException malformedHeader) {
            return DEFAULT_LOCALE;
        }
        for (Locale.LanguageRange range : ranges) {
            String tag = range.getRange().toLowerCase(Locale.ROOT);
            if (tag.startsWith("en")) {
                return Locale.ENGLISH;
            }
            if (tag.startsWith("zh")) {
                return DEFAULT_LOCALE;
            }
        }
        return DEFAULT_LOCALE;
    }

    public String message(String key, Object[] args, Locale locale) {
        try {
            return messages.getMessage(key, args, locale);
        } catch (NoSuchMessageException e) {
            return key;
        }
    }

    /** Resolves a field message: {@code {key}} is looked up, anything else is kept as given. */
    public String fieldMessage(String message, Object[] args, Locale locale) {
        if (message != null && message.startsWith("{") && message.endsWith("}")) {
            return message(message.substring(1, message.length() - 1), args, locale);
        }
        return message;
    }

    public Mono<Void> render(ServerWebExchange exchange, HttpStatus status, String code, String messageKey,
                             Object... args) {
        return render(exchange, status, code, messageKey, args, List.of(), Map.of());
    }

    public Mono<Void> render(ServerWebExchange exchange, ApiProblem problem) {
        Locale locale = localeOf(exchange);
        List<FieldProblem> fields = problem.invalidFields().stream()
                .map(f -> new FieldProblem(f.field(), f.code(), message(f.messageKey(), f.args().toArray(), locale)))
                .toList();
        return render(exchange, problem.status(), problem.code(), problem.messageKey(), problem.args(), fields,
                problem.properties());
    }

    public Mono<Void> render(ServerWebExchange exchange, HttpStatus status, String code, String messageKey,
                             Object[] args, List<FieldProblem> fields, Map<String, Object> properties) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Locale locale = localeOf(exchange);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", URI.create(TYPE_BASE + code).toString());
        body.put("title", message("problem.title." + status.value(), new Object[0], locale));
        body.put("status", status.value());
        body.put("detail", message(messageKey, args, locale));
        body.put("instance", exchange.getRequest().getPath().value());
        body.put("code", code);
        if (!fields.isEmpty()) {
            body.put("errors", new ArrayList<>(fields));
        }
        body.putAll(properties);
        String correlationId = exchange.getAttribute(CorrelationId.ATTRIBUTE);
        if (correlationId != null) {
            body.put("correlationId", correlationId);
        }
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            bytes = ("{\"status\":" + status.value() + "}").getBytes(StandardCharsets.UTF_8);
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set("Content-Language", locale.toLanguageTag());
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }
}
