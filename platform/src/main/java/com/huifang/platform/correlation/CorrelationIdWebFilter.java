package com.huifang.platform.correlation;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Takes or adds the correlation id of each request and echoes it in the response. */
public class CorrelationIdWebFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = CorrelationId.acceptOrCreate(exchange.getRequest().getHeaders().getFirst(CorrelationId.HEADER));
        exchange.getAttributes().put(CorrelationId.ATTRIBUTE, id);
        // set at commit, replacing any copy a proxied response brought along
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(CorrelationId.HEADER, id);
            return Mono.empty();
        });
        ServerWebExchange forwarded = exchange.mutate()
                .request(r -> r.headers(h -> h.set(CorrelationId.HEADER, id)))
                .build();
        return chain.filter(forwarded).contextWrite(ctx -> CorrelationId.with(ctx, id));
    }

    @Override
    public int getOrder() {
        // before security, so that 401s carry the id too
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
