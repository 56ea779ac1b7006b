package com.huifang.testsupport;

import com.huifang.contracts.Topics;
import com.huifang.local.DevTokens;
import com.huifang.local.MongoWireStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The infrastructure of integration tests, started once per test JVM and shared by every test
 * class in it: a real Kafka broker (KRaft) and the MongoDB-wire store. Each test context gets its
 * own database name, so tests do not see each other's documents.
 */
public final class TestInfrastructure {

    /** The signing secret of test tokens; services under test verify with it. */
    public static final String JWT_SECRET = "huifang-test-secret-0123456789-abcdefghijklmnop";
    public static final DevTokens TOKENS = new DevTokens(JWT_SECRET);

    private static volatile EmbeddedKafkaKraftBroker kafka;
    private static volatile MongoWireStore mongo;

    private TestInfrastructure() {
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            List<String> topics = new ArrayList<>();
            for (String t : Topics.all()) {
                topics.add(t);
                topics.add(Topics.deadLetterOf(t));
            }
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3, topics.toArray(String[]::new));
            broker.brokerProperty("auto.create.topics.enable", "true");
            broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
            broker.afterPropertiesSet();
            kafka = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "kafka-test-broker-stop"));
        }
        return kafka.getBrokersAsString();
    }

    public static synchronized String mongoUri() {
        if (mongo == null) {
            mongo = MongoWireStore.inMemory();
            Runtime.getRuntime().addShutdownHook(new Thread(mongo::close, "mongo-test-store-stop"));
        }
        return mongo.uri();
    }

    /** Registers broker, store, a fresh database and the token secret for a Spring test context. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
        registry.add("spring.data.mongodb.uri", TestInfrastructure::mongoUri);
        registry.add("spring.data.mongodb.database", () -> database);
        registry.add("huifang.security.jwt-secret", () -> JWT_SECRET);
        registry.add("huifang.outbox.interval", () -> "100ms");
        registry.add("logging.structured.format.console", () -> "");
    }

    /** A bearer token of {@code tenant} for {@code user} with the given roles, valid for an hour. */
    public static String token(String tenant, String user, String... roles) {
        return TOKENS.mint(tenant, user, Arrays.asList(roles), Duration.ofHours(1));
    }
}
