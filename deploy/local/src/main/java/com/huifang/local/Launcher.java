package com.huifang.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The local stack in one command: a real Kafka broker (KRaft, its own JVM), the file-backed
 * MongoDB-wire store (in this JVM), the five services and the gateway (one JVM each), demo data,
 * dev tokens. Stays in the foreground; Ctrl-C or {@code stop} ends every process it started.
 *
 * <pre>
 * up [--data DIR] [--no-demo]     (default)
 * token ROLE [--user U] [--tenant T] [--ttl HOURS]
 * status | stop [--data DIR]
 * </pre>
 */
public final class Launcher {

    static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(60);
    static final long STOP_GRACE_SECONDS = 30;
    /** Writing a service's CDS archive at exit takes a few seconds, far more on a busy machine. */
    static final long CDS_DUMP_GRACE_SECONDS = 120;

    private final LauncherOptions options;
    private final StackLayout layout;
    private final Path repoRoot;
    private final long startedNanos = System.nanoTime();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ChildProcesses processes;
    private MongoWireStore mongo;
    private volatile boolean stopping;

    Launcher(LauncherOptions options, Path repoRoot) {
        this.options = options;
        this.layout = new StackLayout(options.dataDir());
        this.repoRoot = repoRoot;
    }

    public static void main(String[] args) {
        Path repoRoot = Path.of(System.getProperty("huifang.home", ".")).toAbsolutePath().normalize();
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args, repoRoot, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LauncherOptions.USAGE);
            System.exit(2);
            return;
        }
        Launcher launcher = new Launcher(options, repoRoot);
        try {
            int code = switch (options.command()) {
                case HELP -> {
                    System.out.println(LauncherOptions.USAGE);
                    yield 0;
                }
                case TOKEN -> launcher.token();
                case STATUS -> launcher.status();
                case STOP -> launcher.stop();
                case UP -> launcher.up();
            };
            System.exit(code);
        } catch (StackException e) {
            System.err.println();
            System.err.println("FAILED: " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(130);
        }
    }

    // ---------------------------------------------------------------- token

    int token() {
        if (!Files.exists(layout.jwtSecretFile()) && System.getenv("HUIFANG_JWT_SECRET") == null) {
            System.err.println("note: no stack has run with " + layout.root() + " yet; creating its dev secret now");
        }
        DevTokens tokens = new DevTokens(jwtSecret());
        System.out.println(tokens.mint(options.tenant(), options.user(), List.of(options.role()), options.ttl()));
        return 0;
    }

    private String jwtSecret() {
        String fromEnv = System.getenv("HUIFANG_JWT_SECRET");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        layout.create();
        return layout.jwtSecret();
    }

    // ---------------------------------------------------------------- up

    int up() throws InterruptedException {
        Map<String, Long> running = liveEntries();
        if (!running.isEmpty()) {
            throw new StackException("a stack already runs from " + layout.root() + " (" + running
                    + "): ./run-local.sh stop first, or --data ANOTHER_DIR");
        }
        layout.create();
        String secret = jwtSecret();
        processes = new ChildProcesses(layout);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shutdown();
            stopped.countDown();
        }, "huifang-local-stop"));

        System.out.println("Huifang local stack, data in " + layout.root());
        loadNote().ifPresent(System.out::println);
        Properties state = new Properties();

        // Kafka: its own JVM, unless one is given
        String kafka = options.kafkaBootstrapServers();
        ChildProcesses.Child broker = null;
        if (kafka == null) {
            int port = freePort(9092);
            int controllerPort = freePort(port == 9092 ? 9093 : 0);
            broker = KafkaBroker.start(layout, processes, absoluteClasspath(), port, controllerPort);
            kafka = "127.0.0.1:" + port;
            System.out.println("  kafka       starting a KRaft broker on " + kafka + " (pid " + broker.process().pid() + ")");
        } else {
            System.out.println("  kafka       using KAFKA_BOOTSTRAP_SERVERS=" + kafka);
        }
        state.setProperty("kafka", kafka);

        // the MongoDB-wire store: in this JVM, file-backed, unless one is given
        String mongoUri = options.mongoUri();
        if (mongoUri == null) {
            mongo = MongoWireStore.fileBacked(layout.mongoFile(), freePort(27017));
            mongoUri = mongo.uri();
            System.out.println("  mongo       embedded store on " + mongoUri + " (file " + layout.mongoFile() + ")");
        } else {
            System.out.println("  mongo       using MONGODB_URI");
        }
        state.setProperty("mongo", mongoUri);

        KafkaBroker.awaitReadyAndCreateTopics(kafka, broker, KAFKA_TIMEOUT);
        System.out.printf(Locale.ROOT, "  kafka       ready after %.1f s%n", elapsed());

        // the services and the gateway, all at once
        Map<String, Integer> backendPorts = new LinkedHashMap<>();
        for (LocalServices.Service s : LocalServices.BACKENDS) {
            backendPorts.put(s.name(), freePort(s.preferredPort()));
        }
        int gatewayPort = freePort(LocalServices.GATEWAY.preferredPort());
        Map<String, AppImage> images = prepareImages();
        Map<String, ChildProcesses.Child> apps = new LinkedHashMap<>();
        Map<String, String> health = new LinkedHashMap<>();
        for (LocalServices.Service s : LocalServices.all()) {
            int port = s.equals(LocalServices.GATEWAY) ? gatewayPort : backendPorts.get(s.name());
            AppImage image = images.get(s.name());
            ChildProcesses.Child child = processes.start(s.name(), LocalServices.command(image),
                    LocalServices.environment(s, port, mongoUri, kafka, secret, backendPorts, instanceOf(s.name())),
                    repoRoot,
                    image::afterExit, image.trained() ? 0 : CDS_DUMP_GRACE_SECONDS);
            apps.put(s.name(), child);
            String url = "http://127.0.0.1:" + port;
            health.put(s.name(), url + "/actuator/health/readiness");
            state.setProperty(s.name(), url);
        }
        writeState(state);
        System.out.println("  services    starting " + String.join(", ", apps.keySet()));
        awaitHealthy(apps, health);
        double healthySeconds = elapsed();
        System.out.printf(Locale.ROOT, "  all six services healthy after %.1f s%n", healthySeconds);

        String gateway = "http://localhost:" + gatewayPort;
        DevTokens tokens = new DevTokens(secret);
        if (options.demoData()) {
            long demoStart = System.nanoTime();
            try {
                List<String> notes = new DemoData("http://127.0.0.1:" + gatewayPort, tokens, layout).load(Instant.now());
                notes.forEach(n -> System.out.println("  demo        " + n));
                System.out.printf(Locale.ROOT, "  demo        loaded in %.1f s%n", (System.nanoTime() - demoStart) / 1e9);
            } catch (StackException e) {
                System.out.println("  demo        WARN " + e.getMessage());
            }
        }
        printWelcome(gateway, tokens, healthySeconds);
        watch(apps);
        stopped.await();
        return 0;
    }

    /** Each service's jar extracted for CDS (all at once; reused while the jar's content is the same). */
    private Map<String, AppImage> prepareImages() throws InterruptedException {
        Map<String, AppImage> images = new java.util.concurrent.ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        List<RuntimeException> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (LocalServices.Service s : LocalServices.all()) {
            Path jar = LocalServices.execJar(repoRoot, s);
            Thread t = new Thread(() -> {
                try {
                    images.put(s.name(), AppImage.prepare(jar, layout.appImage(s.name()), layout.log("extract")));
                } catch (RuntimeException e) {
                    failures.add(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "extract-" + s.name());
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        long trained = images.values().stream().filter(AppImage::trained).count();
        System.out.printf(Locale.ROOT, "  cds         %d of 6 services start from a CDS archive%s (%.1f s)%n", trained,
                trained < 6 ? "; the others write theirs when they stop" : "", elapsed());
        return images;
    }

    private void awaitHealthy(Map<String, ChildProcesses.Child> apps, Map<String, String> health)
            throws InterruptedException {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        Map<String, String> pending = new LinkedHashMap<>(health);
        while (!pending.isEmpty()) {
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                ChildProcesses.Child child = apps.get(e.getKey());
                if (!child.process().isAlive()) {
                    throw new StackException(e.getKey() + " exited (code " + child.process().exitValue()
                            + ") before it was healthy; " + child.log() + " ends with:\n"
                            + ChildProcesses.tail(child.log(), 40));
                }
                if (ready(e.getValue())) {
                    String info = e.getValue().replace("/health/readiness", "/info");
                    if (!body(info).contains(instanceOf(e.getKey()))) {
                        throw new StackException(e.getKey() + "'s port answers, but not as the process this launcher"
                                + " started: another program holds " + info.replace("/actuator/info", "")
                                + "; stop it or free the port");
                    }
                    System.out.printf(Locale.ROOT, "  %-11s healthy after %.1f s%n", shortName(e.getKey()), elapsed());
                    it.remove();
                }
            }
            if (pending.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                StringBuilder sb = new StringBuilder("not healthy within " + options.timeout().toSeconds()
                        + " s (--timeout SECONDS to wait longer): " + pending.keySet());
                for (String name : pending.keySet()) {
                    sb.append("\n--- ").append(apps.get(name).log()).append(" ends with:\n")
                            .append(ChildProcesses.tail(apps.get(name).log(), 20));
                }
                throw new StackException(sb.toString());
            }
            Thread.sleep(250);
        }
    }

    /** Reports a service that dies while the stack runs, with the end of its log. */
    private void watch(Map<String, ChildProcesses.Child> apps) {
        apps.forEach((name, child) -> child.process().onExit().thenAccept(p -> {
            if (!stopping) {
                System.err.println("WARN " + name + " exited (code " + p.exitValue() + "); " + child.log()
                        + " ends with:\n" + ChildProcesses.tail(child.log(), 20));
            }
        }));
    }

    private void printWelcome(String gateway, DevTokens tokens, double healthySeconds) {
        String tenant = LauncherOptions.DEMO_TENANT;
        Duration ttl = LauncherOptions.DEFAULT_TTL;
        StringBuilder sb = new StringBuilder();
        sb.append('\n').append("Huifang is up (").append(String.format(Locale.ROOT, "%.1f", healthySeconds))
                .append(" s to healthy).\n");
        sb.append("  Gateway      ").append(gateway).append('\n');
        sb.append("  Swagger UI   ").append(gateway).append("/swagger-ui.html\n");
        sb.append("  Logs         ").append(layout.logs()).append("/<service>.log (ECS JSON)\n");
        sb.append("  Stop         Ctrl-C here, or ./run-local.sh stop\n");
        sb.append("\nDev tokens for tenant ").append(tenant).append(" (valid ").append(ttl.toHours())
                .append(" h; more with ./run-local.sh token ROLE):\n");
        for (String role : List.of("AGENT", "SUPERVISOR", "HANDLER", "ADMIN")) {
            String user = LauncherOptions.DEMO_USERS.get(role);
            sb.append("  export ").append(role).append("_TOKEN=")
                    .append(tokens.mint(tenant, user, List.of(role), ttl))
                    .append("   # ").append(user).append('\n');
        }
        sb.append("\nTry:\n");
        sb.append("  curl -s -H \"Authorization: Bearer $AGENT_TOKEN\" ").append(gateway).append("/api/worklist\n");
        sb.append("  curl -s -H \"Authorization: Bearer $SUPERVISOR_TOKEN\" ").append(gateway).append("/api/customers\n");
        sb.append("  curl -s -H \"Authorization: Bearer $SUPERVISOR_TOKEN\" ").append(gateway).append("/api/issues\n");
        sb.append("  curl -s -H \"Authorization: Bearer $SUPERVISOR_TOKEN\" \"").append(gateway)
                .append("/api/reports/summary?from=$(TZ=Asia/Shanghai date -d '-30 days' +%F)&to=$(TZ=Asia/Shanghai date +%F)\"\n");
        System.out.println(sb);
    }

    private synchronized void shutdown() {
        if (stopping) {
            return;
        }
        stopping = true;
        if (processes != null && !processes.children().isEmpty()) {
            System.out.println("\nStopping the Huifang local stack…");
            processes.stopAll(STOP_GRACE_SECONDS);
        }
        if (mongo != null) {
            try {
                mongo.close();
            } catch (RuntimeException e) {
                System.err.println("closing the store: " + e);
            }
        }
        try {
            Files.deleteIfExists(layout.pidFile());
            Files.deleteIfExists(layout.stateFile());
        } catch (IOException ignored) {
            // nothing left to stop either way
        }
        if (processes != null) {
            System.out.println("Stopped.");
        }
    }

    // ---------------------------------------------------------------- stop, status

    int stop() throws InterruptedException {
        Map<String, Long> entries = ChildProcesses.readPidFile(layout.pidFile());
        if (entries.isEmpty()) {
            System.out.println("No stack recorded in " + layout.pidFile() + ".");
            return 0;
        }
        // the launcher stops its children itself (and closes the store); anything left is stopped here
        Optional<ProcessHandle> launcher = Optional.ofNullable(entries.get("launcher"))
                .flatMap(pid -> ChildProcesses.live("launcher", pid));
        if (launcher.isPresent()) {
            System.out.println("Stopping the launcher (pid " + launcher.get().pid() + ") and everything it started…");
            launcher.get().destroy();
            awaitExit(List.of(launcher.get()), STOP_GRACE_SECONDS * 2 + CDS_DUMP_GRACE_SECONDS + 10);
        }
        List<ProcessHandle> left = new ArrayList<>();
        entries.forEach((name, pid) -> ChildProcesses.live(name, pid).ifPresent(p -> {
            System.out.println("  stopping " + name + " (pid " + pid + ")");
            p.destroy();
            left.add(p);
        }));
        if (!awaitExit(left, STOP_GRACE_SECONDS)) {
            for (ProcessHandle p : left) {
                if (p.isAlive()) {
                    System.out.println("  killing pid " + p.pid());
                    p.destroyForcibly();
                }
            }
            awaitExit(left, 10);
        }
        try {
            Files.deleteIfExists(layout.pidFile());
            Files.deleteIfExists(layout.stateFile());
        } catch (IOException ignored) {
            // best effort
        }
        System.out.println("Stopped.");
        return 0;
    }

    private static boolean awaitExit(List<ProcessHandle> handles, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (ProcessHandle p : handles) {
            try {
                long left = Math.max(1, deadline - System.nanoTime());
                p.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                return false;
            }
        }
        return true;
    }

    int status() {
        Map<String, Long> pids = ChildProcesses.readPidFile(layout.pidFile());
        Properties state = readState();
        if (pids.isEmpty() && state.isEmpty()) {
            System.out.println("No stack runs from " + layout.root() + ".");
            return 3;
        }
        boolean allUp = true;
        Long launcherPid = pids.get("launcher");
        boolean launcherUp = launcherPid != null && ChildProcesses.live("launcher", launcherPid).isPresent();
        System.out.printf(Locale.ROOT, "%-18s %-8s %s%n", "launcher", launcherUp ? "UP" : "DOWN",
                launcherPid == null ? "" : "pid " + launcherPid);
        allUp &= launcherUp;
        String kafka = state.getProperty("kafka");
        if (kafka != null) {
            boolean up = tcpOpen(kafka);
            System.out.printf(Locale.ROOT, "%-18s %-8s %s%s%n", "kafka", up ? "UP" : "DOWN", kafka,
                    pids.containsKey(KafkaBroker.NAME) ? " pid " + pids.get(KafkaBroker.NAME) : " (external)");
            allUp &= up;
        }
        String mongoUri = state.getProperty("mongo");
        if (mongoUri != null) {
            boolean up = mongoUri.startsWith("mongodb://127.0.0.1:") ? tcpOpen(mongoUri.substring("mongodb://".length()))
                    : launcherUp;
            System.out.printf(Locale.ROOT, "%-18s %-8s %s%n", "mongo", up ? "UP" : "DOWN",
                    mongoUri.startsWith("mongodb://127.0.0.1:") ? mongoUri + " (in the launcher)" : "(external)");
            allUp &= up;
        }
        for (LocalServices.Service s : LocalServices.all()) {
            String url = state.getProperty(s.name());
            if (url == null) {
                continue;
            }
            String readiness = readiness(url + "/actuator/health/readiness");
            Long pid = pids.get(s.name());
            System.out.printf(Locale.ROOT, "%-18s %-8s %s%s%n", s.name(), readiness, url,
                    pid == null ? "" : " pid " + pid);
            allUp &= readiness.equals("UP");
        }
        return allUp ? 0 : 1;
    }

    // ---------------------------------------------------------------- helpers

    private Map<String, Long> liveEntries() {
        Map<String, Long> live = new LinkedHashMap<>();
        ChildProcesses.readPidFile(layout.pidFile()).forEach((name, pid) ->
                ChildProcesses.live(name, pid).ifPresent(p -> live.put(name, pid)));
        return live;
    }

    private final String runId = java.util.UUID.randomUUID().toString();

    private String instanceOf(String service) {
        return service + "@" + runId;
    }

    private String body(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private boolean ready(String url) {
        return readiness(url).equals("UP");
    }

    /** UP, DOWN/OUT_OF_SERVICE (as the service says), or UNREACHABLE. */
    private String readiness(String url) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                return "UP";
            }
            int i = r.body().indexOf("\"status\":\"");
            return i < 0 ? "HTTP " + r.statusCode()
                    : r.body().substring(i + 10, Math.max(i + 10, r.body().indexOf('"', i + 10)));
        } catch (IOException e) {
            return "UNREACHABLE";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "UNREACHABLE";
        }
    }

    private static boolean tcpOpen(String hostPort) {
        String first = hostPort.split(",")[0];
        int colon = first.lastIndexOf(':');
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1))), 1000);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** {@code preferred} if nothing listens there (0: any), else a free port. */
    static int freePort(int preferred) {
        if (preferred > 0) {
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress("0.0.0.0", preferred));
                return preferred;
            } catch (IOException busy) {
                // taken: any free one will do
            }
        }
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new StackException("no free port: " + e.getMessage());
        }
    }

    private void writeState(Properties state) {
        StringBuilder sb = new StringBuilder();
        state.stringPropertyNames().stream().sorted().forEach(k -> sb.append(k).append('=')
                .append(state.getProperty(k).replace("\\", "\\\\").replace(":", "\\:")).append('\n'));
        layout.write(layout.stateFile(), sb.toString());
    }

    private Properties readState() {
        Properties p = new Properties();
        if (Files.exists(layout.stateFile())) {
            try (var in = Files.newBufferedReader(layout.stateFile())) {
                p.load(in);
            } catch (IOException e) {
                throw new StackException("cannot read " + layout.stateFile() + ": " + e.getMessage());
            }
        }
        return p;
    }

    private double elapsed() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** A warning when the machine is already busy, since start-up times scale with free CPU. */
    static Optional<String> loadNote() {
        try {
            double load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
            int cores = Runtime.getRuntime().availableProcessors();
            return load > cores * 1.5 ? Optional.of(String.format(Locale.ROOT,
                    "  note        load average %.1f on %d cores: expect a slower start", load, cores)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String shortName(String service) {
        return service.replace("-service", "");
    }

    /** This JVM's classpath with every entry absolute: the broker runs in the data folder. */
    static String absoluteClasspath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.isBlank())
                .map(e -> Path.of(e).toAbsolutePath().normalize().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
