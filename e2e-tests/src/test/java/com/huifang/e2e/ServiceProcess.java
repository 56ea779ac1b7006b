package com.huifang.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Huifang service in a JVM of its own, started from the test class path, so that a test can
 * kill it as the kernel's OOM killer or a node failure would: {@link #kill()} sends SIGKILL
 * ({@link Process#destroyForcibly()}) and nothing in the service runs afterwards, no shutdown hook,
 * no graceful stop, no last commit of offsets.
 */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts {@code main} with {@code args} (Spring Boot command-line arguments, {@code --key=value})
     * and {@code --server.port} set to a free port; its output goes to {@code target/<name>.log}.
     */
    static ServiceProcess start(String name, Class<?> main, List<String> args) {
        try {
            int port = freePort();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // surefire runs tests from a manifest-only jar: the real class path is in this property
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            Path argFile = Files.createTempFile("huifang-" + name, ".args");
            argFile.toFile().deleteOnExit();
            Files.writeString(argFile, "-cp \"" + classPath + "\"\n", StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "@" + argFile,
                    main.getName(), "--server.port=" + port));
            command.addAll(args);
            Path log = Path.of("target", name + ".log").toAbsolutePath();
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            ServiceProcess started = new ServiceProcess(name, process, port, log);
            // never leave it running behind a test JVM that dies
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, name + "-kill"));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the service reports ready (its readiness probe answers 200), or fails if it died. */
    void awaitReady(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log " + log + ":\n" + tail());
            }
            try {
                HttpResponse<String> r = get("/actuator/health/readiness");
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not ready within " + atMost + "; log " + log + ":\n" + tail());
    }

    /** The sum of a Prometheus counter's series whose labels contain {@code labelFilter}, from the running service. */
    double metric(String series, String labelFilter) {
        try {
            HttpResponse<String> r = get("/actuator/prometheus");
            double sum = 0;
            for (String line : r.body().split("\n")) {
                if (line.startsWith(series + "{") && line.contains(labelFilter)) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return sum;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: the process ends at once, in the middle of whatever it was doing. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " still alive 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
