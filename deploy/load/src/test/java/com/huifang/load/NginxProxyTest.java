package com.huifang.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The proxy the gateway is compared with really proxies, keeps the path and headers, and counts. */
class NginxProxyTest {

    @Test
    void nginxForwardsEachPrefixToItsUpstream() throws Exception {
        assumeTrue(NginxProxy.binary().isPresent(), "nginx is not installed (apt-get install nginx-light)");
        HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/api/reports/", exchange -> {
            byte[] body = (exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization"))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        upstream.start();
        try (NginxProxy proxy = NginxProxy.start(NginxProxy.binary().get(),
                Map.of("/api/reports/", "http://127.0.0.1:" + upstream.getAddress().getPort()))) {
            HttpResponse<String> r = HttpLoad.newClient().send(HttpRequest.newBuilder(
                            URI.create(proxy.url() + "/api/reports/summary?month=2026-11"))
                    .header("Authorization", "Bearer t").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("/api/reports/summary?month=2026-11 Bearer t");

            StepResult load = new HttpLoad(HttpLoad.newClient(), Duration.ofSeconds(5)).closedLoop("reads",
                    i -> HttpRequest.newBuilder(URI.create(proxy.url() + "/api/reports/x" + i)).build(), 4,
                    Duration.ofMillis(500));
            assertThat(load.ok()).isPositive();
            assertThat(load.ok()).isEqualTo(load.sent());
            assertThat(load.serverErrors() + load.transportErrors()).isZero();
        } finally {
            upstream.stop(0);
        }
    }
}
