package com.huifang.platform.correlation;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Hooks;

/**
 * Correlation ids on every request, and in the MDC of every log line written while a request or
 * event is handled (Reactor's automatic context propagation copies the context key to the MDC).
 */
@AutoConfiguration
public class CorrelationAutoConfiguration {

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(CorrelationId.KEY,
                () -> MDC.get(CorrelationId.KEY),
                value -> MDC.put(CorrelationId.KEY, value),
                () -> MDC.remove(CorrelationId.KEY));
        Hooks.enableAutomaticContextPropagation();
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    CorrelationIdWebFilter correlationIdWebFilter() {
        return new CorrelationIdWebFilter();
    }
}
