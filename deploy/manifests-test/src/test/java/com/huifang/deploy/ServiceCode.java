package com.huifang.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the services' own code and configuration say a deployment must provide. */
final class ServiceCode {

    static final List<String> SERVICES = List.of("gateway", "customer-service", "schedule-service", "survey-service",
            "feedback-service", "reporting-service");
    /** The services that keep data and talk to Kafka (the gateway keeps none). */
    static final List<String> DATA_SERVICES = SERVICES.subList(1, SERVICES.size());

    /** Read by the platform in every data service (huifang-platform-defaults.properties). */
    static final Set<String> PLATFORM_REQUIRED = Set.of("MONGODB_URI", "KAFKA_BOOTSTRAP_SERVERS");
    /** Token verification: one of the two must be provided. */
    static final Set<String> TOKEN_KEYS = Set.of("HUIFANG_JWT_SECRET", "HUIFANG_JWK_SET_URI");
    /** Tuning knobs with sound defaults: a deployment may leave them out. */
    static final Set<String> OPTIONAL = Set.of("HUIFANG_SWEEP_INTERVAL", "HUIFANG_METRICS_INTERVAL", "HUIFANG_LOG_FORMAT", "HUIFANG_JWT_ISSUER",
            "SURVEY_QUIET_DAYS", "SURVEY_LINK_VALID_FOR", "SURVEY_SMS_OUTBOX", "HUIFANG_INBOX_RETENTION");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    private ServiceCode() {
    }

    /** Environment variables a service's own properties files read, e.g. PORT, MONGODB_DATABASE. */
    static Set<String> environmentReadBy(String service) {
        Set<String> names = new TreeSet<>();
        Path resources = Yaml.ROOT.resolve(service).resolve("src/main/resources");
        try (Stream<Path> files = Files.list(resources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".properties")).toList()) {
                Matcher m = PLACEHOLDER.matcher(Files.readString(f));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** Every variable a deployment of the service must set. */
    static Set<String> required(String service) {
        Set<String> required = new LinkedHashSet<>(environmentReadBy(service));
        if (DATA_SERVICES.contains(service)) {
            required.addAll(PLATFORM_REQUIRED);
        }
        required.removeAll(OPTIONAL);
        return required;
    }

    /**
     * Whether a HUIFANG_* variable a deployment sets reaches a property some code reads: either a
     * {@code ${NAME}} placeholder of the service's properties, or (Spring's relaxed binding) the
     * variable lower-cased with '_' as '.' names a property, or an entry of a map property, that the
     * service's or the platform's sources mention. A misspelt or invented name is silently ignored
     * by Spring at run time; this makes it fail the build instead.
     */
    static boolean boundByCode(String service, String variable) {
        if (!variable.startsWith("HUIFANG_") || environmentReadBy(service).contains(variable)) {
            return true;
        }
        String sources = sourcesOf(service) + sourcesOf("platform");
        if (sources.contains("${" + variable + ":") || sources.contains("${" + variable + "}")) {
            return true;
        }
        String property = variable.toLowerCase(java.util.Locale.ROOT).replace('_', '.');
        // a map entry (huifang.customer.keys.cipher.k1) binds when its map (…cipher) is mentioned;
        // at least three segments so "huifang.customer" alone never counts
        for (String candidate = property; candidate.chars().filter(c -> c == '.').count() >= 2;
             candidate = candidate.substring(0, candidate.lastIndexOf('.'))) {
            if (sources.contains(candidate + "=") || sources.contains(candidate + ".")
                    || sources.contains(candidate + ":") || sources.contains(candidate + "}")) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.Map<String, String> SOURCES = new java.util.concurrent.ConcurrentHashMap<>();

    private static String sourcesOf(String module) {
        return SOURCES.computeIfAbsent(module, m -> {
            StringBuilder all = new StringBuilder();
            try (Stream<Path> files = Files.walk(Yaml.ROOT.resolve(m).resolve("src/main"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".properties"))
                        .toList()) {
                    all.append(Files.readString(f)).append('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return all.toString();
        });
    }

    /** Business topics named in contracts' Topics.java (each has a .DLT too). */
    static Set<String> topics() {
        try {
            String source = Files.readString(Yaml.ROOT.resolve("contracts/src/main/java/com/huifang/contracts/Topics.java"));
            Matcher m = Pattern.compile("public static final String [A-Z_]+ = \"(huifang\\.[a-z.-]+)\"").matcher(source);
            Set<String> topics = new TreeSet<>();
            while (m.find()) {
                topics.add(m.group(1));
            }
            return topics;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
