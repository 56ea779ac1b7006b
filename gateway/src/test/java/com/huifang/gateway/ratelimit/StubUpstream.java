package com.huifang.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Stands in for all five services behind the gateway: answers 200 with a small JSON body to any
 * request, so a test sees exactly what the gateway itself decides. One per test JVM.
 */
final class StubUpstream {

    private static DisposableServer server;

    private StubUpstream() {
    }

    static synchronized String url() {
        if (server == null) {
            // its own event loop: a gateway context closing disposes Reactor Netty's global resources
            server = HttpServer.create().host("127.0.0.1").port(0)
                    .runOn(reactor.netty.resources.LoopResources.create("stub-upstream", 1, true))
                    .handle((req, res) -> res.header("Content-Type", "application/json")
                            .sendString(reactor.core.publisher.Mono.just("{\"upstream\":\"ok\"}"), StandardCharsets.UTF_8))
                    .bindNow();
            Runtime.getRuntime().addShutdownHook(new Thread(server::disposeNow, "stub-upstream-stop"));
        }
        return "http://127.0.0.1:" + server.port();
    }

    /** The gateway settings every rate-limit test shares: all services on the stub, no broker or store. */
    static List<String> gatewayProperties() {
        List<String> p = new ArrayList<>();
        for (String s : List.of("customer-service", "schedule-service", "survey-service", "feedback-service",
                "reporting-service")) {
            p.add("huifang.services." + s + "=" + url());
        }
        p.add("huifang.security.jwt-secret=" + com.huifang.testsupport.TestInfrastructure.JWT_SECRET);
        // the test classpath carries spring-kafka (test-support); the gateway itself has no broker or store
        p.add("spring.autoconfigure.exclude="
                + "org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration,"
                + "com.huifang.platform.messaging.KafkaMessagingAutoConfiguration,"
                + "com.huifang.platform.mongo.MongoSupportAutoConfiguration");
        p.add("logging.structured.format.console=");
        // small buckets for the tests, by id: three requests, then one more every 100 s
        for (String tenant : List.of("tiny-a", "tiny-b", "tiny-c", "tiny-en", "tiny-redis", "tiny-redis-down")) {
            p.add("huifang.gateway.rate-limit.tenants." + tenant + ".replenish-rate=1");
            p.add("huifang.gateway.rate-limit.tenants." + tenant + ".burst-capacity=300");
            p.add("huifang.gateway.rate-limit.tenants." + tenant + ".requested-tokens=100");
        }
        for (String partner : List.of("tiny-partner", "tiny-a", "tiny-redis-partner")) {
            p.add("huifang.gateway.rate-limit.partners." + partner + ".replenish-rate=1");
            p.add("huifang.gateway.rate-limit.partners." + partner + ".burst-capacity=200");
            p.add("huifang.gateway.rate-limit.partners." + partner + ".requested-tokens=100");
        }
        return p;
    }
}
