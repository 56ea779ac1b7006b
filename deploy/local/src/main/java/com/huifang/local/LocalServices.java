package com.huifang.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The six Huifang applications as the local stack runs them: one JVM each, from its runnable jar. */
public final class LocalServices {

    /** A service: its name (= module and jar name) and the port it prefers. */
    public record Service(String name, int preferredPort) {
    }

    public static final Service GATEWAY = new Service("gateway", 8080);

    /** The five services behind the gateway, in the order the gateway's URL variables name them. */
    public static final List<Service> BACKENDS = List.of(
            new Service("customer-service", 8081),
            new Service("schedule-service", 8082),
            new Service("survey-service", 8083),
            new Service("feedback-service", 8084),
            new Service("reporting-service", 8085));

    /**
     * Memory-lean JVM flags: a small serial-collected heap, C1 only (quick to warm up, small code
     * cache), bounded metaspace and thread stacks. Six of these plus the broker stay well under
     * 3 GiB resident.
     */
    public static final List<String> JVM_FLAGS = List.of(
            "-Xms48m", "-Xmx192m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:MaxMetaspaceSize=160m", "-XX:ReservedCodeCacheSize=48m", "-XX:MaxDirectMemorySize=64m",
            "-Xshare:auto", "-Djava.awt.headless=true");

    private LocalServices() {
    }

    public static List<Service> all() {
        List<Service> all = new ArrayList<>(BACKENDS);
        all.add(GATEWAY);
        return all;
    }

    /** The runnable jar a build leaves at {@code <module>/target/<module>-<version>-exec.jar}. */
    public static Path execJar(Path repoRoot, Service service) {
        Path target = repoRoot.resolve(service.name()).resolve("target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                List<Path> jars = files.filter(p -> {
                    String f = p.getFileName().toString();
                    return f.startsWith(service.name() + "-") && f.endsWith("-exec.jar");
                }).sorted().toList();
                if (!jars.isEmpty()) {
                    return jars.get(jars.size() - 1);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new StackException("no runnable jar of " + service.name() + " in " + target
                + ": build first (./run-local.sh builds; or ./mvnw -DskipTests package)");
    }

    /** The environment of one service: where it listens, where the broker and store are, the token secret. */
    public static Map<String, String> environment(Service service, int port, String mongoUri, String kafka,
                                                  String jwtSecret, Map<String, Integer> backendPorts) {
        return environment(service, port, mongoUri, kafka, jwtSecret, backendPorts, "");
    }

    /**
     * As above, with {@code instance} shown at {@code /actuator/info} ({@code huifang.instance}), so
     * the launcher knows that what answers on the port is the process it started and not another
     * one that happened to hold the port.
     */
    public static Map<String, String> environment(Service service, int port, String mongoUri, String kafka,
                                                  String jwtSecret, Map<String, Integer> backendPorts,
                                                  String instance) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", Integer.toString(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("MONGODB_URI", mongoUri);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("HUIFANG_JWT_SECRET", jwtSecret);
        env.put("HUIFANG_LOG_FORMAT", "ecs");
        env.put("SPRING_MAIN_BANNER_MODE", "off");
        if (!instance.isEmpty()) {
            env.put("MANAGEMENT_INFO_ENV_ENABLED", "true");
            env.put("INFO_HUIFANG_INSTANCE", instance);
        }
        if (service.equals(GATEWAY)) {
            backendPorts.forEach((name, p) -> env.put(urlVariable(name), "http://127.0.0.1:" + p));
        }
        return env;
    }

    /** {@code customer-service} → {@code CUSTOMER_SERVICE_URL}. */
    static String urlVariable(String serviceName) {
        return serviceName.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_URL";
    }

    /** {@code java <lean flags> <CDS flag> -jar <extracted jar>}; CDS messages below error level stay quiet. */
    public static List<String> command(AppImage image) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Launcher.javaExecutable());
        cmd.addAll(JVM_FLAGS);
        cmd.add("-Xlog:cds*=error");
        cmd.add(image.cdsFlag());
        cmd.add("-jar");
        cmd.add(image.jar().toString());
        return cmd;
    }
}
