package com.huifang.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The open loop sends exactly rate × duration requests, counts answers by class, and sees every body. */
class OpenLoopTest {

    @Test
    void sendsTheScheduledNumberAndClassifiesAnswers() throws Exception {
        AtomicInteger n = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            int i = n.incrementAndGet();
            int status = i % 10 == 0 ? 503 : i % 10 == 1 ? 409 : 202;
            byte[] body = ("{\"customerId\":\"c-" + i + "\"}").getBytes();
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            StepResult r = new HttpLoad(HttpLoad.newClient(), Duration.ofSeconds(5)).openLoop("t",
                    i -> HttpRequest.newBuilder(URI.create(url + i)).build(), 0, 100, Duration.ofSeconds(1), 64, seen::add);
            assertThat(r.sent()).isEqualTo(100);
            assertThat(r.ok() + r.rejected() + r.serverErrors()).isEqualTo(100);
            assertThat(r.serverErrors()).isEqualTo(10);
            assertThat(r.rejected()).isEqualTo(10);
            assertThat(seen).hasSize(80);
            assertThat(r.clean()).isFalse();
        } finally {
            server.stop(0);
        }
    }
}
