package com.huifang.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;

/**
 * Which roles may call which operation of a service, declared in one plain file per service
 * ({@code classpath:huifang/access/<spring.application.name>.policy}) and enforced by Spring
 * Security before a request body is even read — a caller without the role gets 403, whatever it
 * sends. Controllers keep their finer checks (own records, own tenant) behind it.
 *
 * <pre>
 * # METHOD  PATH PATTERN (Spring PathPattern)   ROLES, or * for any authenticated caller
 * GET       /api/audit/**                      SUPERVISOR, AUDITOR, ADMIN
 * POST      /api/plans                         ADMIN
 * </pre>
 * The first matching line wins; paths no line matches are open to any authenticated caller (the
 * e2e role matrix fails for every operation the policy does not name).
 */
public record AccessPolicy(List<Rule> rules) {

    /** One line: {@code method} null means any method; {@code roles} empty means any authenticated caller. */
    public record Rule(HttpMethod method, String pattern, Set<Role> roles) {
    }

    public static AccessPolicy none() {
        return new AccessPolicy(List.of());
    }

    public static AccessPolicy load(Resource resource) {
        if (resource == null || !resource.exists()) {
            return none();
        }
        try (InputStream in = resource.getInputStream()) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource.getDescription());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource.getDescription(), e);
        }
    }

    /** @throws IllegalStateException naming the line, when a line is malformed or names an unknown role */
    public static AccessPolicy parse(String text, String source) {
        List<Rule> rules = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+", 3);
            if (parts.length != 3 || !parts[1].startsWith("/")) {
                throw new IllegalStateException(source + " line " + (n + 1) + ": expected METHOD PATH ROLES, got '"
                        + lines[n].strip() + "'");
            }
            HttpMethod method = "*".equals(parts[0]) ? null : HttpMethod.valueOf(parts[0].toUpperCase(Locale.ROOT));
            Set<Role> roles = EnumSet.noneOf(Role.class);
            if (!"*".equals(parts[2].strip())) {
                for (String r : parts[2].split("[,\\s]+")) {
                    if (r.isBlank()) {
                        continue;
                    }
                    try {
                        roles.add(Role.valueOf(r.strip().toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException(source + " line " + (n + 1) + ": unknown role '" + r + "'");
                    }
                }
            }
            rules.add(new Rule(method, parts[1], Set.copyOf(roles)));
        }
        return new AccessPolicy(List.copyOf(rules));
    }
}
