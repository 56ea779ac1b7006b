package com.huifang.gateway;

import com.huifang.platform.problem.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** What a caller gets when a service is down, slow, or its circuit is open: 503 with Retry-After. */
@RestController
class FallbackController {

    @RequestMapping("/fallback/{service}")
    Mono<Void> unavailable(@PathVariable String service, org.springframework.web.server.ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set("Retry-After", "5");
        return Mono.error(new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "upstream-unavailable",
                "gateway.upstream-unavailable", service));
    }
}
