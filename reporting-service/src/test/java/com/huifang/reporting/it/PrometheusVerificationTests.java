package com.huifang.reporting.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huifang.contracts.Topics;
import com.huifang.reporting.facts.domain.AppliedEvent;
import com.huifang.reporting.facts.domain.NovemberFixture;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;

/**
 * The alert rules and dashboards of {@code deploy/} verified, not assumed: {@code promtool check rules}
 * and {@code promtool test rules} pass; a real Prometheus (Debian package) scrapes this running
 * reporting-service and evaluates every PromQL expression of every dashboard panel and alert rule
 * through its HTTP API. Each must parse and return data, or be on {@link #MAY_BE_EMPTY} with the reason.
 * For an alert, the expression without its final threshold must return data (the alert itself is
 * quiet when all is well). Skipped, with a message, when the binaries are not installed.
 *
 * <p>Only reporting-service is scraped here: it is the service this module can start cheaply, and it
 * exports the business figures, the inbox and dead-letter counters, the Kafka consumer metrics, HTTP
 * and JVM metrics that the other services export alike.
 */
class PrometheusVerificationTests extends ReportingIntegrationTest {

    /** Expressions that may legitimately return nothing in this test, and why. */
    static final Map<String, String> MAY_BE_EMPTY = Map.of(
            "huifang_outbox_backlog", "reporting-service only consumes: it has no outbox (the other four services "
                    + "with OutboxCollections export it)",
            "huifang_outbox_published_total", "reporting-service has no outbox relay",
            "status=~\"5..\"", "no request fails with a 5xx here, so no 5xx series exists (a ratio over it is "
                    + "empty too)");

    private static final Pattern THRESHOLD = Pattern.compile("^(.*?)\\s*(==|!=|>=|<=|>|<)\\s*[0-9.]+\\s*$",
            Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @TempDir
    Path work;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static Path deploy() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("deploy/prometheus"))) {
                return p.resolve("deploy");
            }
        }
        throw new IllegalStateException("No deploy/prometheus above " + here);
    }

    static String binary(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            File f = new File(dir, name);
            if (f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        return null;
    }

    private static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
        return out;
    }

    @Test
    void alertRulesAndEveryDashboardQueryWorkOnARealPrometheus() throws Exception {
        String prometheus = binary("prometheus");
        String promtool = binary("promtool");
        Assumptions.assumeTrue(prometheus != null && promtool != null,
                "SKIPPED: the prometheus and promtool binaries are not on the PATH (Debian: apt-get install "
                        + "prometheus); the alert rules and dashboards were not verified");
        Path rules = deploy().resolve("prometheus");
        assertThat(run(rules, promtool, "check", "rules", "alerts.yml")).contains("SUCCESS");
        assertThat(run(rules, promtool, "test", "rules", "alerts-test.yml")).contains("SUCCESS");
        assertThat(run(rules, promtool, "check", "config", "prometheus.yml")).contains("SUCCESS");

        // figures to scrape: the fixture, a redelivery (duplicates counter) and a poison message (dead letters)
        fixturePublished();
        AppliedEvent first = NovemberFixture.events().get(0);
        double before = consumed();
        publish(first, first.eventId());
        kafka.send(Topics.VISITS, "poison", "not an event envelope").join();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                registry.find("huifang.dead.letters").counter() != null
                        && registry.find("huifang.events.duplicates").counter() != null);
        assertThat(consumed()).isEqualTo(before);

        Map<String, String> expressions = expressions(deploy());
        assertThat(expressions).hasSizeGreaterThan(20);

        int promPort;
        try (ServerSocket s = new ServerSocket(0)) {
            promPort = s.getLocalPort();
        }
        Path config = work.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                scrape_configs:
                  - job_name: huifang
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                        labels: {service: reporting-service}
                """.formatted(rules.resolve("alerts.yml").toAbsolutePath(), port));
        Path log = work.resolve("prometheus.log");
        Process server = new ProcessBuilder(prometheus, "--config.file=" + config,
                "--storage.tsdb.path=" + work.resolve("data"), "--web.listen-address=127.0.0.1:" + promPort)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String base = "http://127.0.0.1:" + promPort;
            // at least four scrapes, so rate() and increase() have two samples in every window
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
                    query(base, "count_over_time(up{job=\"huifang\"}[1m])").path("data").path("result").path(0)
                            .path("value").path(1).asDouble() >= 4);
            assertThat(query(base, "up{job=\"huifang\"}").path("data").path("result").path(0).path("value").path(1)
                    .asText()).isEqualTo("1");

            List<String> failures = new ArrayList<>();
            List<String> allowedEmpty = new ArrayList<>();
            expressions.forEach((where, expr) -> {
                boolean alert = where.startsWith("alert ");
                String evaluated = expr;
                if (alert) {
                    check(base, expr, where, failures); // the whole rule parses
                    Matcher m = THRESHOLD.matcher(expr);
                    evaluated = m.matches() ? m.group(1) : expr;
                }
                JsonNode answer = check(base, evaluated, where, failures);
                if (answer != null && answer.path("data").path("result").isEmpty()) {
                    String reason = MAY_BE_EMPTY.entrySet().stream().filter(e -> expr.contains(e.getKey()))
                            .map(Map.Entry::getValue).findFirst().orElse(null);
                    if (reason == null) {
                        failures.add(where + " returned no data: " + evaluated);
                    } else {
                        allowedEmpty.add(where + " (" + reason + ")");
                    }
                }
            });
            System.out.println("Prometheus verification: " + expressions.size() + " expressions, empty by the allow-list: "
                    + allowedEmpty);
            assertThat(failures).as("expressions that failed on Prometheus").isEmpty();
            assertThat(allowedEmpty).as("only the allow-listed expressions are empty").hasSizeLessThanOrEqualTo(6);

            // and Prometheus evaluates every rule without error
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode groups = get(base + "/api/v1/rules").path("data").path("groups");
                List<String> health = new ArrayList<>();
                groups.forEach(g -> g.path("rules").forEach(r -> health.add(r.path("name").asText() + "="
                        + r.path("health").asText())));
                assertThat(health).hasSize(8).allMatch(h -> h.endsWith("=ok"));
            });
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        assertThat(server.isAlive()).isFalse();
    }

    private JsonNode check(String base, String expr, String where, List<String> failures) {
        try {
            JsonNode answer = query(base, expr);
            if (!"success".equals(answer.path("status").asText())) {
                failures.add(where + ": " + answer.path("error").asText() + " in " + expr);
                return null;
            }
            return answer;
        } catch (Exception e) {
            failures.add(where + ": " + e + " in " + expr);
            return null;
        }
    }

    private JsonNode query(String base, String expr) throws IOException, InterruptedException {
        return get(base + "/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
    }

    private JsonNode get(String uri) throws IOException, InterruptedException {
        HttpResponse<String> res = client.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(res.body());
    }

    /** Every PromQL expression: "dashboard <file> / <panel> / <refId>" and "alert <name>" → expression. */
    @SuppressWarnings("unchecked")
    static Map<String, String> expressions(Path deploy) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (var files = Files.list(deploy.resolve("grafana/dashboards"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode panel : JSON.readTree(f.toFile()).path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        out.put("dashboard " + f.getFileName() + " / " + panel.path("title").asText() + " / "
                                + target.path("refId").asText(), target.path("expr").asText());
                    }
                }
            }
        }
        try (InputStream in = Files.newInputStream(deploy.resolve("prometheus/alerts.yml"))) {
            Map<String, Object> doc = new Yaml().load(in);
            for (Map<String, Object> group : (List<Map<String, Object>>) doc.get("groups")) {
                for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                    out.put("alert " + rule.get("alert"), String.valueOf(rule.get("expr")).trim());
                }
            }
        }
        return out;
    }
}
