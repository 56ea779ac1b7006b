package com.huifang.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The launcher's command line: {@code up} (default), {@code token ROLE [--user U] [--tenant T]},
 * {@code stop}, {@code status}; {@code --data DIR} for every command. Environment variables
 * {@code KAFKA_BOOTSTRAP_SERVERS} and {@code MONGODB_URI} replace the embedded broker and store.
 */
public record LauncherOptions(Command command, Path dataDir, String role, String user, String tenant,
                              Duration ttl, boolean demoData, Duration timeout, String kafkaBootstrapServers,
                              String mongoUri) {

    public enum Command { UP, TOKEN, STOP, STATUS, HELP }

    public static final String DEMO_TENANT = "demo-hospital";
    public static final Duration DEFAULT_TTL = Duration.ofHours(12);
    /** How long the services may take to become healthy: generous, a shared 2-core machine can be slow. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);

    /** Demo users by role: the ones the printed tokens and {@code token ROLE} use by default. */
    public static final Map<String, String> DEMO_USERS = Map.of(
            "AGENT", "agent-li",
            "SUPERVISOR", "sup-wang",
            "HANDLER", "handler-zhao",
            "ADMIN", "admin",
            "AUDITOR", "auditor-sun",
            "LEADERSHIP", "leader-zhang");

    public static final String USAGE = """
            usage: run-local.sh [up] [--data DIR] [--no-demo] [--timeout SECONDS]
                                                              start everything, load demo data, stay in the foreground
                   run-local.sh token ROLE [--user U] [--tenant T] [--ttl HOURS]
                                                              print a dev token (ROLE: agent, supervisor, handler, admin, auditor, leadership)
                   run-local.sh status [--data DIR]            health of each component
                   run-local.sh stop [--data DIR]              stop a running stack
            environment: KAFKA_BOOTSTRAP_SERVERS, MONGODB_URI use those instead of the embedded broker / store""";

    /** Parses {@code args}; {@code repoRoot} anchors the default data folder {@code .huifang/}. */
    public static LauncherOptions parse(String[] args, Path repoRoot, Map<String, String> env) {
        Command command = Command.UP;
        Path data = repoRoot.resolve(".huifang");
        String role = null;
        String user = null;
        String tenant = DEMO_TENANT;
        Duration ttl = DEFAULT_TTL;
        boolean demo = true;
        Duration timeout = DEFAULT_TIMEOUT;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--data" -> data = Path.of(value(args, ++i, a));
                case "--user" -> user = value(args, ++i, a);
                case "--tenant" -> tenant = value(args, ++i, a);
                case "--ttl" -> ttl = hours(value(args, ++i, a));
                case "--no-demo" -> demo = false;
                case "--timeout" -> timeout = seconds(value(args, ++i, a));
                case "-h", "--help", "help" -> command = Command.HELP;
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    positional.add(a);
                }
            }
        }
        if (command != Command.HELP && !positional.isEmpty()) {
            command = switch (positional.get(0).toLowerCase(Locale.ROOT)) {
                case "up", "start" -> Command.UP;
                case "token" -> Command.TOKEN;
                case "stop", "down" -> Command.STOP;
                case "status" -> Command.STATUS;
                default -> throw new IllegalArgumentException("unknown command " + positional.get(0));
            };
            int expected = command == Command.TOKEN ? 2 : 1;
            if (positional.size() > expected) {
                throw new IllegalArgumentException("unexpected argument " + positional.get(expected));
            }
            if (command == Command.TOKEN) {
                if (positional.size() < 2) {
                    throw new IllegalArgumentException("token needs a role: agent, supervisor, handler, admin…");
                }
                role = roleOf(positional.get(1));
                if (user == null) {
                    user = DEMO_USERS.getOrDefault(role, role.toLowerCase(Locale.ROOT));
                }
            }
        }
        if (tenant.isBlank()) {
            throw new IllegalArgumentException("--tenant must not be blank");
        }
        return new LauncherOptions(command, data.toAbsolutePath().normalize(), role, user, tenant, ttl, demo, timeout,
                blankToNull(env.get("KAFKA_BOOTSTRAP_SERVERS")), blankToNull(env.get("MONGODB_URI")));
    }

    static String roleOf(String given) {
        String role = given.toUpperCase(Locale.ROOT);
        if (!DEMO_USERS.containsKey(role) && !role.equals("PARTNER")) {
            throw new IllegalArgumentException("unknown role " + given + " (agent, supervisor, handler, admin, auditor, leadership)");
        }
        return role;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static Duration hours(String s) {
        try {
            long h = Long.parseLong(s);
            if (h < 1 || h > 24 * 30) {
                throw new IllegalArgumentException("--ttl is in hours, 1 to 720");
            }
            return Duration.ofHours(h);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--ttl is in hours, 1 to 720");
        }
    }

    private static Duration seconds(String s) {
        try {
            long n = Long.parseLong(s);
            if (n < 10 || n > 3600) {
                throw new IllegalArgumentException("--timeout is in seconds, 10 to 3600");
            }
            return Duration.ofSeconds(n);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--timeout is in seconds, 10 to 3600");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
