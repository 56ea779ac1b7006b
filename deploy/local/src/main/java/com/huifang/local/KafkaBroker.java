package com.huifang.local;

import com.huifang.contracts.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Apache Kafka broker (3.9, KRaft, one node that is both broker and controller) as its own
 * JVM, from the jars on this module's runtime classpath: {@code kafka.tools.StorageTool format}
 * once, then {@code kafka.Kafka server.properties}. Its log dirs live in the data folder, so
 * topics and offsets survive a restart.
 */
public final class KafkaBroker {

    public static final String NAME = "kafka";
    public static final String MAIN_CLASS = "kafka.Kafka";
    static final String STORAGE_TOOL = "kafka.tools.StorageTool";
    static final int PARTITIONS = 3;

    /** Lean JVM flags for the broker: a local broker with a handful of topics needs little heap. */
    static final List<String> JVM_FLAGS = List.of(
            "-Xms64m", "-Xmx256m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:MaxMetaspaceSize=96m", "-XX:ReservedCodeCacheSize=48m", "-XX:MaxDirectMemorySize=64m",
            "-Xshare:auto", "-Djava.awt.headless=true");

    private KafkaBroker() {
    }

    /** The broker's configuration: single node, loopback only, lean thread pools and buffers. */
    public static Map<String, String> serverProperties(Path logDirs, int port, int controllerPort) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDirs.toAbsolutePath().toString());
        p.put("num.partitions", Integer.toString(PARTITIONS));
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("auto.create.topics.enable", "true");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("num.replica.fetchers", "1");
        p.put("log.cleaner.threads", "1");
        // the default 128 MiB dedupe buffer would take half of a 256 MiB heap
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        p.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        p.put("log.retention.hours", "168");
        p.put("socket.send.buffer.bytes", "102400");
        p.put("socket.receive.buffer.bytes", "102400");
        return p;
    }

    /** The properties as a {@code server.properties} file's text, in a stable order. */
    public static String render(Map<String, String> properties) {
        StringBuilder sb = new StringBuilder("# written by the Huifang local launcher at every start\n");
        properties.forEach((k, v) -> sb.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        return sb.toString();
    }

    /**
     * Writes the configuration, formats the storage once (the cluster id is kept in the data
     * folder), and starts the broker; returns the started child.
     */
    public static ChildProcesses.Child start(StackLayout layout, ChildProcesses processes, String classpath,
                                             int port, int controllerPort) throws InterruptedException {
        layout.write(layout.kafkaProperties(),
                render(serverProperties(layout.kafkaLogDirs(), port, controllerPort)));
        String clusterId = layout.read(layout.kafkaClusterId()).orElseGet(() -> {
            String id = Uuid.randomUuid().toString();
            layout.write(layout.kafkaClusterId(), id + "\n");
            return id;
        });
        if (!Files.exists(layout.kafkaLogDirs().resolve("meta.properties"))) {
            List<String> format = command(classpath, STORAGE_TOOL, List.of("format", "--cluster-id", clusterId,
                    "--config", layout.kafkaProperties().toString(), "--ignore-formatted"));
            ChildProcesses.Child tool = processes.start("kafka-format", format, Map.of(), layout.root());
            if (!tool.process().waitFor(60, TimeUnit.SECONDS) || tool.process().exitValue() != 0) {
                tool.process().destroyForcibly();
                throw new StackException("formatting the Kafka storage failed:\n"
                        + ChildProcesses.tail(tool.log(), 30));
            }
        }
        return processes.start(NAME, command(classpath, MAIN_CLASS, List.of(layout.kafkaProperties().toString())),
                Map.of(), layout.root());
    }

    static List<String> command(String classpath, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Launcher.javaExecutable());
        cmd.addAll(JVM_FLAGS);
        cmd.add("-Dlogback.configurationFile=huifang-local-kafka-logback.xml");
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Waits until the broker answers {@code describeCluster} and creates Huifang's topics (and
     * their dead-letter topics) if they do not exist yet, so six services starting at once do not
     * race to create them.
     */
    public static void awaitReadyAndCreateTopics(String bootstrap, ChildProcesses.Child broker, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, "100");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        try (Admin admin = Admin.create(props)) {
            while (true) {
                if (broker != null && !broker.process().isAlive()) {
                    throw new StackException("the Kafka broker exited (code " + broker.process().exitValue()
                            + "); its log " + broker.log() + " ends with:\n" + ChildProcesses.tail(broker.log(), 40));
                }
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    break;
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new StackException("Kafka at " + bootstrap + " did not answer within "
                                + timeout.toSeconds() + " s: " + e.getMessage()
                                + (broker == null ? "" : "\n" + ChildProcesses.tail(broker.log(), 40)));
                    }
                    Thread.sleep(200);
                }
            }
            List<NewTopic> topics = new ArrayList<>();
            for (String t : Topics.all()) {
                topics.add(new NewTopic(t, PARTITIONS, (short) 1));
                topics.add(new NewTopic(Topics.deadLetterOf(t), PARTITIONS, (short) 1));
            }
            admin.createTopics(topics).values().forEach((name, f) -> {
                try {
                    f.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new StackException("cannot create topic " + name + ": " + e.getCause());
                    }
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new StackException("creating topic " + name + " timed out");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StackException("interrupted");
                }
            });
        }
    }
}
