package com.huifang.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The processes the launcher started, recorded in the PID file ({@code name pid} per line, the
 * launcher itself first) so that {@code stop} finds them from another shell. Stopping is graceful
 * first (SIGTERM, so Spring drains requests and Kafka shuts down cleanly), forcible only after a
 * bounded wait.
 */
public final class ChildProcesses {

    /**
     * A started child: its name (for logs and the PID file), its process, its log, and what to do
     * once it has exited (told whether the exit was clean).
     */
    public record Child(String name, Process process, Path log, java.util.function.Consumer<Boolean> afterExit,
                        long extraGraceSeconds) {
    }

    private final StackLayout layout;
    private final List<Child> children = new ArrayList<>();

    public ChildProcesses(StackLayout layout) {
        this.layout = layout;
    }

    /** Starts {@code command} with {@code env} added, stdout and stderr into the component's log. */
    public Child start(String name, List<String> command, Map<String, String> env, Path workDir) {
        return start(name, command, env, workDir, clean -> { }, 0);
    }

    /**
     * As {@link #start(String, List, Map, Path)}, with {@code afterExit} run when it has been stopped,
     * and {@code extraGraceSeconds} more to stop (a JVM writing a CDS archive at exit needs them).
     */
    public synchronized Child start(String name, List<String> command, Map<String, String> env, Path workDir,
                                    java.util.function.Consumer<Boolean> afterExit, long extraGraceSeconds) {
        Path log = layout.log(name);
        rotate(log);
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        Map<String, String> environment = pb.environment();
        // a shell's MONGODB_DATABASE would make every service share one database
        environment.remove("MONGODB_DATABASE");
        environment.putAll(env);
        try {
            Child child = new Child(name, pb.start(), log, afterExit, extraGraceSeconds);
            children.add(child);
            writePidFile();
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    public synchronized List<Child> children() {
        return List.copyOf(children);
    }

    /** Stops children in reverse order of start, each group within {@code graceSeconds}. */
    public void stopAll(long graceSeconds) {
        List<Child> reversed;
        synchronized (this) {
            reversed = new ArrayList<>(children);
        }
        java.util.Collections.reverse(reversed);
        // the gateway and the services first, all at once; then the broker (started first)
        List<Child> apps = reversed.stream().filter(c -> !c.name().equals(KafkaBroker.NAME)).toList();
        List<Child> infra = reversed.stream().filter(c -> c.name().equals(KafkaBroker.NAME)).toList();
        stop(apps, graceSeconds);
        stop(infra, graceSeconds);
    }

    private static void stop(List<Child> group, long graceSeconds) {
        group.forEach(c -> c.process().destroy());
        long grace = graceSeconds + group.stream().mapToLong(Child::extraGraceSeconds).max().orElse(0);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(grace);
        for (Child c : group) {
            boolean clean = false;
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (c.process().waitFor(left, TimeUnit.NANOSECONDS)) {
                    // 143 and 130: ended by SIGTERM / SIGINT, through the JVM's orderly shutdown
                    int code = c.process().exitValue();
                    clean = code == 0 || code == 143 || code == 130;
                } else {
                    System.err.println("  " + c.name() + " did not stop within " + grace + " s: killing it");
                    c.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                c.process().destroyForcibly();
                Thread.currentThread().interrupt();
            }
            c.afterExit().accept(clean);
        }
    }

    private void writePidFile() {
        StringBuilder sb = new StringBuilder("launcher ").append(ProcessHandle.current().pid()).append('\n');
        for (Child c : children) {
            sb.append(c.name()).append(' ').append(c.process().pid()).append('\n');
        }
        layout.write(layout.pidFile(), sb.toString());
    }

    /** The PID file's entries, in order: name → pid. */
    public static Map<String, Long> readPidFile(Path file) {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return pids;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2) {
                    try {
                        pids.put(parts[0], Long.parseLong(parts[1]));
                    } catch (NumberFormatException ignored) {
                        // a damaged line: skip it
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pids;
    }

    /**
     * The live process of a PID file entry, only if it still is that component (a PID the system
     * reused for something else is never touched): its command line must mention the launcher,
     * the broker's main class or the service's jar.
     */
    public static Optional<ProcessHandle> live(String name, long pid) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> commandLine(p).map(cmd -> cmd.contains(signatureOf(name))).orElse(false));
    }

    /** The full command line: /proc's (ProcessHandle's is cut at 4096 characters, before a long classpath ends). */
    static Optional<String> commandLine(ProcessHandle p) {
        Path proc = Path.of("/proc", Long.toString(p.pid()), "cmdline");
        if (Files.isReadable(proc)) {
            try {
                return Optional.of(new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' '));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return p.info().commandLine();
    }

    static String signatureOf(String name) {
        return switch (name) {
            case "launcher" -> Launcher.class.getName();
            case KafkaBroker.NAME -> KafkaBroker.MAIN_CLASS;
            default -> name + "-";
        };
    }

    /** The last {@code lines} lines of a log, for failure messages. */
    public static String tail(Path log, int lines) {
        try {
            if (!Files.exists(log)) {
                return "(no log at " + log + ")";
            }
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static void rotate(Path log) {
        try {
            Files.createDirectories(log.getParent());
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
