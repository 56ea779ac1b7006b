package com.huifang.e2e;

import com.huifang.customer.CustomerServiceApplication;
import com.huifang.feedback.FeedbackServiceApplication;
import com.huifang.gateway.GatewayApplication;
import com.huifang.reporting.ReportingServiceApplication;
import com.huifang.schedule.ScheduleServiceApplication;
import com.huifang.survey.SurveyServiceApplication;
import com.huifang.testsupport.MutableClock;
import com.huifang.testsupport.TestInfrastructure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * All six Huifang applications in this JVM, each its own Spring context on its own port, on one
 * Kafka broker and one MongoDB-wire store, sharing a clock the test moves. Requests go through the
 * gateway's real HTTP port.
 */
final class HuifangStack implements AutoCloseable {

    static final Map<String, Class<?>> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("customer-service", CustomerServiceApplication.class);
        SERVICES.put("schedule-service", ScheduleServiceApplication.class);
        SERVICES.put("survey-service", SurveyServiceApplication.class);
        SERVICES.put("feedback-service", FeedbackServiceApplication.class);
        SERVICES.put("reporting-service", ReportingServiceApplication.class);
    }

    final MutableClock clock;
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private int gatewayPort;

    /** This stack's run id: its databases are {@code e2e-<service>-<run>}. */
    private String run;

    private HuifangStack(MutableClock clock) {
        this.clock = clock;
    }

    /** The name of a service's database in this stack. */
    String database(String service) {
        return "e2e-" + service + "-" + run;
    }

    private static HuifangStack shared;

    /**
     * One stack for every test class that neither moves the clock nor needs a store of its own:
     * started on first use, stopped when the test JVM exits. Each such test works in tenants of its
     * own, so they cannot see each other's data.
     */
    static synchronized HuifangStack shared() {
        if (shared == null) {
            shared = start(TestInfrastructure.kafkaBootstrapServers(), TestInfrastructure.mongoUri(),
                    new MutableClock(java.time.Instant.now()));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "huifang-stack-stop"));
        }
        return shared;
    }

    /**
     * Stops the shared stack, if one runs: {@link #shared()} starts it again when next asked. Two live
     * stacks on one broker each consume every tenant's events, so the other stack's services, on their own
     * clock, act on this stack's tenants too; and since ids are deterministic (an issue's id from its survey
     * response, its IssueRaised's event id from the issue), their copies of this stack's events race this
     * stack's own, and consumers keep whichever arrives first (issue 7: the walking skeleton's issue was
     * reported as raised on the shared stack's day, outside the skeleton's range).
     */
    static synchronized void stopShared() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    static HuifangStack start(String kafka, String mongoUri, MutableClock clock) {
        stopShared();
        HuifangStack stack = new HuifangStack(clock);
        String run = UUID.randomUUID().toString().substring(0, 8);
        stack.run = run;
        startGroupsAtTheEnd(kafka, run);
        try {
            SERVICES.forEach((name, app) -> {
                ConfigurableApplicationContext ctx = new SpringApplicationBuilder(app)
                        .initializers(c -> c.getBeanFactory().registerSingleton("clock", clock))
                        .run(args(common(kafka, mongoUri), List.of(
                                "spring.data.mongodb.database=e2e-" + name + "-" + run,
                                "spring.cloud.gateway.server.webflux.enabled=false",
                                "huifang.schedule.sweep-interval=200ms",
                                "spring.kafka.consumer.group-id=" + name + "-" + run,
                                // the flows assert exact figures right after the events: a report waits for
                                // its month's reload instead of answering from the previous one
                                "reporting.cache.serve-stale=false")));
                stack.contexts.add(ctx);
                stack.ports.put(name, ((WebServerApplicationContext) ctx).getWebServer().getPort());
            });
            // the gateway keeps no data: in its own jar these are not even on the classpath
            List<String> gatewayProps = new ArrayList<>(List.of("spring.autoconfigure.exclude="
                    + "org.springframework.boot.autoconfigure.mongo.MongoReactiveAutoConfiguration,"
                    + "org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration,"
                    + "org.springframework.boot.autoconfigure.data.mongo.MongoReactiveDataAutoConfiguration,"
                    + "org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration,"
                    + "org.springframework.boot.autoconfigure.data.mongo.MongoReactiveRepositoriesAutoConfiguration,"
                    + "org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration,"
                    + "com.huifang.platform.mongo.MongoSupportAutoConfiguration,"
                    + "com.huifang.platform.messaging.KafkaMessagingAutoConfiguration"));
            stack.ports.forEach((name, port) -> gatewayProps.add("huifang.services." + name + "=http://127.0.0.1:" + port));
            ConfigurableApplicationContext gateway = new SpringApplicationBuilder(GatewayApplication.class)
                    .run(args(common(kafka, mongoUri), gatewayProps));
            stack.contexts.add(gateway);
            stack.gatewayPort = ((WebServerApplicationContext) gateway).getWebServer().getPort();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /**
     * Every stack consumes in consumer groups of its own ({@code <service>-<run>}), and a new group
     * would start from the earliest offset: the whole history the test JVM's broker holds (every earlier
     * test's events — tens of thousands after the load and scale-out tests) would be replayed into the
     * new stack while its test runs, loading the store until health checks time out. The groups are
     * committed at the topics' current end before the services start, so a stack sees exactly the
     * events of its own test, and none is lost to a late partition assignment as with
     * {@code auto-offset-reset=latest}.
     */
    private static void startGroupsAtTheEnd(String kafka, String run) {
        java.util.Properties p = new java.util.Properties();
        p.put(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        p.put(org.apache.kafka.clients.admin.AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (var admin = org.apache.kafka.clients.admin.AdminClient.create(p)) {
            java.util.Set<String> existing = admin.listTopics().names().get();
            List<String> topics = new ArrayList<>();
            for (String topic : com.huifang.contracts.Topics.all()) {
                if (existing.contains(topic)) {
                    topics.add(topic);
                }
            }
            if (topics.isEmpty()) {
                return; // a fresh broker: nothing to skip
            }
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest =
                    new LinkedHashMap<>();
            admin.describeTopics(topics).allTopicNames().get().values().forEach(d -> d.partitions().forEach(pi ->
                    latest.put(new org.apache.kafka.common.TopicPartition(d.name(), pi.partition()),
                            org.apache.kafka.clients.admin.OffsetSpec.latest())));
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> ends =
                    new LinkedHashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) ->
                    ends.put(tp, new org.apache.kafka.clients.consumer.OffsetAndMetadata(info.offset())));
            for (String service : SERVICES.keySet()) {
                // the service's own group and the platform's retention-rules group (<group>-retention)
                for (String group : List.of(service + "-" + run, service + "-" + run + "-retention")) {
                    admin.alterConsumerGroupOffsets(group, ends).all().get();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not start the stack's consumer groups at the topics' end", e);
        }
    }

    /** As command-line arguments: they outrank every other source, as a deployment's settings would. */
    private static String[] args(String[] common, List<String> specific) {
        List<String> all = new ArrayList<>();
        for (String p : common) {
            all.add("--" + p);
        }
        specific.forEach(p -> all.add("--" + p));
        return all.toArray(String[]::new);
    }

    private static String[] common(String kafka, String mongoUri) {
        return new String[] {
                "server.port=0",
                "spring.kafka.bootstrap-servers=" + kafka,
                "spring.data.mongodb.uri=" + mongoUri,
                "huifang.security.jwt-secret=" + TestInfrastructure.JWT_SECRET,
                "huifang.outbox.interval=100ms",
                "logging.structured.format.console=",
                "spring.main.banner-mode=off"};
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    int port(String service) {
        return ports.get(service);
    }

    @Override
    public void close() {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            try {
                contexts.get(i).close();
            } catch (RuntimeException ignored) {
                // closing the rest matters more
            }
        }
        contexts.clear();
    }
}
