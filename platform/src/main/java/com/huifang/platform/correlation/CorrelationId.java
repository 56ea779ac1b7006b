package com.huifang.platform.correlation;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * The id shared by every request, log line and event of one business flow. Taken from the
 * {@code X-Correlation-Id} header (or an event's envelope) when it is well formed, otherwise made
 * anew; carried in the Reactor context, in the logging MDC (key {@code correlationId}) and in every
 * event published.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String ATTRIBUTE = CorrelationId.class.getName();
    /** Reactor context key and MDC key. */
    public static final String KEY = "correlationId";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private CorrelationId() {
    }

    /** The given id when well formed, else a new one: a client cannot inject text into our logs. */
    public static String acceptOrCreate(String candidate) {
        return candidate != null && WELL_FORMED.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }

    /** The correlation id of the current reactive flow, or a new one outside any flow. */
    public static Mono<String> current() {
        return Mono.deferContextual(ctx -> Mono.just(from(ctx)));
    }

    public static String from(ContextView ctx) {
        return ctx.getOrEmpty(KEY).map(Object::toString).orElseGet(() -> {
            String mdc = MDC.get(KEY);
            return mdc != null ? mdc : UUID.randomUUID().toString();
        });
    }

    public static Context with(Context ctx, String correlationId) {
        return ctx.put(KEY, correlationId);
    }
}
