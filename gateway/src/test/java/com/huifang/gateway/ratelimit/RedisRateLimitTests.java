package com.huifang.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.gateway.GatewayApplication;
import com.huifang.testsupport.TestInfrastructure;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway with {@code spring.data.redis.*} set: Spring Cloud Gateway's RedisRateLimiter against a
 * REAL redis-server (Debian's {@code /usr/bin/redis-server}, started here on a free port). Skipped with
 * a message where the binary is absent ({@code apt-get install redis-server}; .ci/run installs it).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisRateLimitTests {

    private static Process redis;
    private static Path redisDir;
    private static ConfigurableApplicationContext gateway;
    private static WebTestClient web;

    static String redisBinary() {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin" + File.pathSeparator
                + "/usr/sbin";
        for (String dir : path.split(File.pathSeparator)) {
            File f = new File(dir, "redis-server");
            if (f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        return null;
    }

    @BeforeAll
    static void startRedisAndGateway() throws Exception {
        String binary = redisBinary();
        Assumptions.assumeTrue(binary != null,
                "SKIPPED: the redis-server binary is not on the PATH (Debian: apt-get install redis-server); "
                        + "the Redis-backed rate limiter was not verified");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        redisDir = Files.createTempDirectory("huifang-redis");
        redis = new ProcessBuilder(binary, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", redisDir.toString())
                .redirectErrorStream(true).redirectOutput(redisDir.resolve("redis.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                break;
            } catch (IOException notYet) {
                assertThat(redis.isAlive()).as("redis-server running: " + redisDir.resolve("redis.log")).isTrue();
                assertThat(System.nanoTime()).as("redis-server listening within 10 s").isLessThan(deadline);
                Thread.sleep(50);
            }
        }
        List<String> args = new ArrayList<>();
        args.add("--server.port=0");
        args.add("--spring.data.redis.host=127.0.0.1");
        args.add("--spring.data.redis.port=" + port);
        StubUpstream.gatewayProperties().forEach(p -> args.add("--" + p));
        gateway = new SpringApplicationBuilder(GatewayApplication.class).run(args.toArray(String[]::new));
        int gatewayPort = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        web = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + gatewayPort)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (redis != null) {
            redis.destroy();
        }
    }

    private static WebTestClient.ResponseSpec worklist(String tenant) {
        return web.get().uri("/api/worklist")
                .header("Authorization", "Bearer " + TestInfrastructure.token(tenant, "agent", "AGENT"))
                .exchange();
    }

    /** SCG's RedisRateLimiter keys a bucket by "route" and key; the route is the limit's id (see SharedRedisRateLimiter). */
    private static String limitId(String key) {
        return gateway.getBean(RateLimits.class).limitFor(key).id();
    }

    @Test
    @Order(1)
    void withRedisConfiguredTheBucketsAreSharedThroughRedis() {
        assertThat(gateway.getBean(RateLimiter.class)).isInstanceOf(SharedRedisRateLimiter.class);
    }

    @Test
    @Order(2)
    void whenATenantExceedsItsBurstThenTooManyRequestsAndTheBucketLivesInRedis() {
        for (int i = 0; i < 3; i++) {
            int spent = 100 * (i + 1);
            // Redis refills by whole seconds of its own clock: a second may pass between two requests
            worklist("tiny-redis").expectStatus().isOk()
                    .expectHeader().value("X-RateLimit-Remaining",
                            v -> assertThat(Integer.parseInt(v)).isBetween(300 - spent, 310 - spent));
        }
        worklist("tiny-redis").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                // 100 tokens missing at 1 token/s; Redis refills by whole seconds of its own clock
                .expectHeader().value("Retry-After", v -> assertThat(Integer.parseInt(v)).isBetween(95, 100))
                .expectBody().jsonPath("$.code").isEqualTo("rate-limited");
        worklist("roomy-redis").expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Burst-Capacity", "1000");

        // the state is Redis's, not this instance's: another gateway sees the same key, and removing it refills
        ReactiveStringRedisTemplate redisTemplate = gateway.getBean(ReactiveStringRedisTemplate.class);
        String bucket = "request_rate_limiter.{" + limitId("tenant:tiny-redis") + ".tenant:tiny-redis}.";
        assertThat(redisTemplate.opsForValue().get(bucket + "tokens").block(Duration.ofSeconds(5))).isIn("0", "1", "2");
        redisTemplate.delete(bucket + "tokens", bucket + "timestamp").block(Duration.ofSeconds(5));
        worklist("tiny-redis").expectStatus().isOk();
    }

    @Test
    @Order(3)
    void whenAPartnerExceedsItsBurstThenItIsLimitedInItsOwnBucket() {
        for (int i = 0; i < 3; i++) {
            var spec = web.post().uri("/api/partner/events")
                    .header(CallerKeyResolver.PARTNER_HEADER, "tiny-redis-partner")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
            if (i < 2) {
                spec.expectStatus().isOk();
            } else {
                spec.expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS).expectHeader().exists("Retry-After");
            }
        }
        assertThat(gateway.getBean(ReactiveStringRedisTemplate.class)
                .hasKey("request_rate_limiter.{" + limitId("partner:tiny-redis-partner")
                        + ".partner:tiny-redis-partner}.tokens").block(Duration.ofSeconds(5)))
                .isTrue();
    }

    @Test
    @Order(4)
    void whenRedisIsDownThenRequestsPassUnlimitedRatherThanFail() throws Exception {
        redis.destroy();
        assertThat(redis.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 5; i++) {
            worklist("tiny-redis-down").expectStatus().isOk()
                    .expectHeader().valueEquals("X-RateLimit-Remaining", "-1");
        }
    }
}
