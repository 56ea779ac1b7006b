package com.huifang.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's cheap parts: arguments, the broker's configuration, service environments, demo signing. */
class LauncherConfigurationTest {

    static final Path REPO = Path.of("/repo");

    @Test
    void noArgumentsMeanUpWithTheDefaultDataFolderAndDemoData() {
        LauncherOptions o = LauncherOptions.parse(new String[0], REPO, Map.of());
        assertThat(o.command()).isEqualTo(LauncherOptions.Command.UP);
        assertThat(o.dataDir()).isEqualTo(Path.of("/repo/.huifang"));
        assertThat(o.demoData()).isTrue();
        assertThat(o.kafkaBootstrapServers()).isNull();
        assertThat(o.mongoUri()).isNull();
        assertThat(o.timeout()).isEqualTo(LauncherOptions.DEFAULT_TIMEOUT);
    }

    @Test
    void externalBrokerAndStoreComeFromTheEnvironmentAndBlankMeansUnset() {
        LauncherOptions o = LauncherOptions.parse(new String[] {"up", "--data", "/tmp/x", "--no-demo", "--timeout", "90"}, REPO,
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "k1:9092", "MONGODB_URI", " "));
        assertThat(o.kafkaBootstrapServers()).isEqualTo("k1:9092");
        assertThat(o.mongoUri()).isNull();
        assertThat(o.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(o.demoData()).isFalse();
        assertThat(o.timeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void tokenTakesTheDemoUserOfTheRoleUnlessOneIsGiven() {
        LauncherOptions agent = LauncherOptions.parse(new String[] {"token", "agent"}, REPO, Map.of());
        assertThat(agent.command()).isEqualTo(LauncherOptions.Command.TOKEN);
        assertThat(agent.role()).isEqualTo("AGENT");
        assertThat(agent.user()).isEqualTo("agent-li");
        assertThat(agent.tenant()).isEqualTo("demo-hospital");
        assertThat(agent.ttl()).isEqualTo(Duration.ofHours(12));

        LauncherOptions other = LauncherOptions.parse(
                new String[] {"token", "Supervisor", "--user", "sup-li", "--tenant", "clinic-2", "--ttl", "2"}, REPO, Map.of());
        assertThat(other.role()).isEqualTo("SUPERVISOR");
        assertThat(other.user()).isEqualTo("sup-li");
        assertThat(other.tenant()).isEqualTo("clinic-2");
        assertThat(other.ttl()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void badArgumentsAreRejectedWithAReason() {
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"token"}, REPO, Map.of()))
                .hasMessageContaining("needs a role");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"token", "janitor"}, REPO, Map.of()))
                .hasMessageContaining("unknown role");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"launch"}, REPO, Map.of()))
                .hasMessageContaining("unknown command");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"up", "--data"}, REPO, Map.of()))
                .hasMessageContaining("--data needs a value");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--verbose"}, REPO, Map.of()))
                .hasMessageContaining("unknown option");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"token", "agent", "--ttl", "0"}, REPO, Map.of()))
                .hasMessageContaining("--ttl");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--timeout", "soon"}, REPO, Map.of()))
                .hasMessageContaining("--timeout");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"stop", "now"}, REPO, Map.of()))
                .hasMessageContaining("unexpected argument now");
    }

    @Test
    void theBrokerIsOneLoopbackKraftNodeWithItsLogsInTheDataFolder() {
        Map<String, String> p = KafkaBroker.serverProperties(Path.of("/data/kafka/data"), 19092, 19093);
        assertThat(p).containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("log.dirs", "/data/kafka/data")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1");
        // the default 128 MiB dedupe buffer would not fit the broker's 256 MiB heap
        assertThat(Long.parseLong(p.get("log.cleaner.dedupe.buffer.size"))).isLessThanOrEqualTo(16L * 1024 * 1024);
        assertThat(KafkaBroker.render(p)).contains("\nprocess.roles=broker,controller\n")
                .contains("\nlog.dirs=/data/kafka/data\n");
    }

    @Test
    void theBrokerRunsKafkasOwnMainClassesWithLeanFlags() {
        assertThat(KafkaBroker.command("/cp", KafkaBroker.MAIN_CLASS, java.util.List.of("/d/server.properties")))
                .contains("-Xmx256m", "-XX:+UseSerialGC", "-cp", "/cp")
                .endsWith("kafka.Kafka", "/d/server.properties");
        assertThat(KafkaBroker.STORAGE_TOOL).isEqualTo("kafka.tools.StorageTool");
    }

    @Test
    void theGatewayIsToldWhereEachServiceListensAndEveryServiceGetsTheSameSecret() {
        Map<String, Integer> ports = Map.of("customer-service", 18081, "reporting-service", 18085);
        Map<String, String> gateway = LocalServices.environment(LocalServices.GATEWAY, 18080, "mongodb://m:1",
                "k:2", "s".repeat(40), ports);
        assertThat(gateway).containsEntry("PORT", "18080")
                .containsEntry("CUSTOMER_SERVICE_URL", "http://127.0.0.1:18081")
                .containsEntry("REPORTING_SERVICE_URL", "http://127.0.0.1:18085")
                .containsEntry("HUIFANG_JWT_SECRET", "s".repeat(40))
                .doesNotContainKey("MONGODB_DATABASE");
        Map<String, String> customer = LocalServices.environment(LocalServices.BACKENDS.get(0), 18081,
                "mongodb://m:1", "k:2", "s".repeat(40), ports, "customer-service@run-1");
        assertThat(customer).containsEntry("MONGODB_URI", "mongodb://m:1")
                .containsEntry("INFO_HUIFANG_INSTANCE", "customer-service@run-1")
                .containsEntry("MANAGEMENT_INFO_ENV_ENABLED", "true")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "k:2")
                .doesNotContainKey("CUSTOMER_SERVICE_URL");
    }

    @Test
    void theRunnableJarIsFoundByModuleNameOrTheErrorSaysToBuild(@TempDir Path repo) throws Exception {
        Path target = Files.createDirectories(repo.resolve("gateway/target"));
        Files.createFile(target.resolve("gateway-0.1.0-SNAPSHOT.jar"));
        assertThatThrownBy(() -> LocalServices.execJar(repo, LocalServices.GATEWAY)).hasMessageContaining("build first");
        Files.createFile(target.resolve("gateway-0.1.0-SNAPSHOT-exec.jar"));
        assertThat(LocalServices.execJar(repo, LocalServices.GATEWAY).getFileName().toString())
                .isEqualTo("gateway-0.1.0-SNAPSHOT-exec.jar");
    }

    @Test
    void aPartnerPushIsSignedAsHmacSha256HexOfIdTimestampAndBody() {
        // vector computed independently: python3 hmac.new(key, b'evt-0001.1767225600.' + body, sha256)
        byte[] body = "{\"type\":\"DISCHARGED\",\"name\":\"张三\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(DemoData.sign("partner-secret-0123456789", "evt-0001", 1767225600L, body))
                .isEqualTo("76cabeb1616992a85ec98beafe729a9d1339edd661efedcac6dab79864736db3");
    }

    @Test
    void aDemoDischargeIsValidJsonOfTheGivenDaysAgoInShanghai() throws Exception {
        DemoData.Patient p = new DemoData.Patient("P-9", "赵六", "骨科", 8);
        JsonNode body = new ObjectMapper().readTree(DemoData.dischargeBody(p, LocalDate.of(2026, 3, 10)));
        assertThat(body.path("type").asText()).isEqualTo("DISCHARGED");
        // 2026-03-02 14:30 in Shanghai
        assertThat(Instant.parse(body.path("occurredAt").asText())).isEqualTo(Instant.parse("2026-03-02T06:30:00Z"));
        assertThat(body.path("customer").path("ref").asText()).isEqualTo("P-9");
        assertThat(body.path("customer").path("name").asText()).isEqualTo("赵六");
    }

    @Test
    void theDevSecretIsCreatedOnceAndKeptOwnerOnly(@TempDir Path data) throws Exception {
        StackLayout layout = new StackLayout(data);
        layout.create();
        String first = layout.jwtSecret();
        assertThat(first.getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThanOrEqualTo(32);
        assertThat(new StackLayout(data).jwtSecret()).isEqualTo(first);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(layout.jwtSecretFile()))).isEqualTo("rw-------");
        // and tokens minted with it are HS256 JWTs
        assertThat(new DevTokens(first).mint("demo-hospital", "agent-li", java.util.List.of("AGENT"),
                Duration.ofHours(12)).split("\\.")).hasSize(3);
    }

    @Test
    void thePidFileIsReadBackAndAPidThatIsNotOursIsNeverTouched(@TempDir Path data) throws Exception {
        Path file = data.resolve("stack.pids");
        Files.writeString(file, "launcher 1\nkafka 2\ngarbage\ngateway x\n");
        assertThat(ChildProcesses.readPidFile(file)).containsExactly(Map.entry("launcher", 1L), Map.entry("kafka", 2L));
        // this test JVM is alive but is not a launcher, a broker or a service
        long self = ProcessHandle.current().pid();
        assertThat(ChildProcesses.live("launcher", self)).isEmpty();
        assertThat(ChildProcesses.live("gateway", self)).isEmpty();
        assertThat(ChildProcesses.live(KafkaBroker.NAME, self)).isEmpty();
    }
}
