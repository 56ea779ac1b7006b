package com.huifang.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose/compose.yaml: a 3-member MongoDB replica set formed by a one-shot job, 3 KRaft
 * brokers, every topic created, every Huifang service (schedule-service twice) health-checked,
 * locked down, limited, and started only after what it depends on is ready.
 */
@SuppressWarnings("unchecked")
class ComposeFileTest {

    static final Map<String, Object> COMPOSE = Yaml.document(Yaml.COMPOSE.resolve("compose.yaml"));

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) COMPOSE.get("services");
    }

    static boolean oneShot(Map<String, Object> service) {
        return "no".equals(String.valueOf(service.get("restart")));
    }

    /** Huifang's own services, by the image they run. */
    static Map<String, String> huifangServices() {
        Map<String, String> byContainer = new java.util.TreeMap<>();
        services().forEach((name, s) -> {
            String image = String.valueOf(s.get("image"));
            for (String service : ServiceCode.SERVICES) {
                if (image.matches(".*/" + service + ":.*")) {
                    byContainer.put(name, service);
                }
            }
        });
        return byContainer;
    }

    @Test
    void everyLongRunningServiceHasAHealthcheckAndOneShotsAreAwaitedToCompletion() {
        services().forEach((name, s) -> {
            if (oneShot(s)) {
                assertThat(services().values()).as(name + " awaited").anyMatch(other ->
                        "service_completed_successfully".equals(Yaml.string(other, "depends_on." + name + ".condition")));
            } else {
                assertThat(Yaml.at(s, "healthcheck.test")).as(name + " healthcheck").isNotNull();
            }
        });
    }

    @Test
    void dependenciesExistAndCarryAReadinessCondition() {
        services().forEach((name, s) -> {
            Map<String, Object> deps = Yaml.map(s, "depends_on");
            if (deps != null) {
                deps.forEach((dep, how) -> {
                    assertThat(services()).as(name + " depends on " + dep).containsKey(dep);
                    assertThat(Yaml.string(how, "condition")).as(name + " -> " + dep)
                            .isIn("service_healthy", "service_completed_successfully");
                    if ("service_healthy".equals(Yaml.string(how, "condition"))) {
                        assertThat(Yaml.at(services().get(dep), "healthcheck")).as(dep + " healthcheck").isNotNull();
                    }
                });
            }
        });
    }

    @Test
    void allSixServicesRunAndScheduleServiceRunsTwice() {
        Map<String, String> huifang = huifangServices();
        assertThat(new HashSet<>(huifang.values())).containsExactlyInAnyOrderElementsOf(ServiceCode.SERVICES);
        assertThat(huifang.values().stream().filter("schedule-service"::equals)).hasSize(2);
    }

    @Test
    void everyHuifangServiceIsHealthCheckedOnReadinessLockedDownAndLimited() {
        huifangServices().forEach((container, service) -> {
            Map<String, Object> s = services().get(container);
            String port = Yaml.string(s, "environment.PORT");
            assertThat(port).as(container + " PORT").isNotBlank();
            assertThat(String.valueOf(Yaml.at(s, "healthcheck.test"))).as(container + " healthcheck")
                    .contains("/actuator/health/readiness", "127.0.0.1/" + port);
            assertThat(Yaml.at(s, "read_only")).as(container + " read-only root").isEqualTo(true);
            assertThat(String.valueOf(Yaml.at(s, "tmpfs"))).as(container + " writable /tmp").contains("/tmp");
            assertThat(Yaml.string(s, "user")).as(container + " non-root").doesNotStartWith("0").isNotBlank();
            assertThat((List<Object>) Yaml.at(s, "cap_drop")).as(container + " capabilities").contains("ALL");
            assertThat(Yaml.at(s, "deploy.resources.limits.memory")).as(container + " memory limit").isNotNull();
            assertThat(Yaml.at(s, "deploy.resources.limits.cpus")).as(container + " cpu limit").isNotNull();
            assertThat(Yaml.string(s, "stop_grace_period")).as(container + " graceful stop").isEqualTo("30s");
        });
    }

    @Test
    void everyHuifangServiceGetsEveryEnvironmentVariableItsCodeReads() {
        huifangServices().forEach((container, service) -> {
            Map<String, Object> env = Yaml.map(services().get(container), "environment");
            assertThat(env).as(container).containsKeys(ServiceCode.required(service).toArray(String[]::new));
            assertThat(env.keySet()).as(container + ": variables no code reads")
                    .allMatch(name -> ServiceCode.boundByCode(service, name));
            assertThat(env).as(container + " token verification").containsKey("HUIFANG_JWT_SECRET");
            // the secret comes from the uncommitted .env, never a literal
            assertThat(String.valueOf(env.get("HUIFANG_JWT_SECRET"))).startsWith("${HUIFANG_JWT_SECRET:?");
            if (ServiceCode.DATA_SERVICES.contains(service)) {
                assertThat(String.valueOf(env.get("MONGODB_URI")))
                        .contains("replicaSet=rs0", "w=majority", "readPreference=primary",
                                "mongo-1:27017", "mongo-2:27017", "mongo-3:27017");
                assertThat(String.valueOf(env.get("KAFKA_BOOTSTRAP_SERVERS")))
                        .contains("kafka-1:9092", "kafka-2:9092", "kafka-3:9092");
            }
        });
    }

    @Test
    void mongoIsAThreeMemberReplicaSetInitiatedByAOneShotJob() {
        List<String> members = services().entrySet().stream()
                .filter(e -> String.valueOf(e.getValue().get("image")).startsWith("mongo:7") && !oneShot(e.getValue()))
                .map(Map.Entry::getKey).toList();
        assertThat(members).hasSize(3);
        members.forEach(m -> assertThat(String.valueOf(services().get(m).get("command"))).contains("--replSet, rs0"));
        String init = String.valueOf(services().get("mongo-init").get("command"));
        assertThat(init).contains("rs.initiate", "_id: \"rs0\"");
        members.forEach(m -> assertThat(init).contains("host: \"" + m + ":27017\""));
    }

    @Test
    void kafkaIsThreeKraftBrokersWithEveryTopicCreatedReplicated() {
        List<Map<String, Object>> brokers = services().values().stream()
                .filter(s -> "apache/kafka:3.9.1".equals(s.get("image")) && !oneShot(s)).toList();
        assertThat(brokers).hasSize(3);
        Set<Object> nodeIds = new HashSet<>();
        brokers.forEach(b -> {
            nodeIds.add(Yaml.at(b, "environment.KAFKA_NODE_ID"));
            assertThat(Yaml.string(b, "environment.KAFKA_PROCESS_ROLES")).contains("controller");
            assertThat(Yaml.string(b, "environment.KAFKA_CONTROLLER_QUORUM_VOTERS")).contains("1@", "2@", "3@");
            assertThat(Yaml.string(b, "environment.KAFKA_MIN_INSYNC_REPLICAS")).isEqualTo("2");
        });
        assertThat(nodeIds).hasSize(3);
        String script = String.valueOf(services().get("kafka-topics").get("command"));
        for (String topic : ServiceCode.topics()) {
            for (String t : List.of(topic, topic + ".DLT")) {
                assertThat(script).contains("--topic " + t + " --partitions 12 --replication-factor 3 --config min.insync.replicas=2");
            }
        }
    }

    @Test
    void secretsComeFromAnUncommittedEnvFileWhoseExampleNamesThemAll() throws IOException {
        String compose = Files.readString(Yaml.COMPOSE.resolve("compose.yaml"));
        String example = Files.readString(Yaml.COMPOSE.resolve(".env.example"));
        assertThat(Files.readString(Yaml.COMPOSE.resolve(".gitignore")).lines()).contains(".env");
        Matcher required = Pattern.compile("\\$\\{([A-Z_]+):\\?").matcher(compose);
        int count = 0;
        while (required.find()) {
            count++;
            assertThat(example).as(".env.example names " + required.group(1)).containsPattern("(?m)^" + required.group(1) + "=");
        }
        assertThat(count).isPositive();
    }

    @Test
    void monitoringUsesTheSharedPrometheusAndGrafanaConfiguration() {
        assertThat(String.valueOf(Yaml.at(services().get("prometheus"), "volumes"))).contains("../prometheus:/etc/prometheus");
        assertThat(String.valueOf(Yaml.at(services().get("grafana"), "volumes"))).contains("../grafana/provisioning");
    }
}
