package com.huifang.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/** Where the local stack keeps its state, all under one data folder (default {@code .huifang/}). */
public record StackLayout(Path root) {

    public Path logs() {
        return root.resolve("logs");
    }

    public Path log(String component) {
        return logs().resolve(component + ".log");
    }

    /** A service's extracted jar and CDS archive. */
    public Path appImage(String service) {
        return root.resolve("app").resolve(service);
    }

    public Path kafkaDir() {
        return root.resolve("kafka");
    }

    public Path kafkaLogDirs() {
        return kafkaDir().resolve("data");
    }

    public Path kafkaProperties() {
        return kafkaDir().resolve("server.properties");
    }

    public Path kafkaClusterId() {
        return kafkaDir().resolve("cluster-id");
    }

    public Path mongoFile() {
        return root.resolve("mongo").resolve("huifang.mv");
    }

    public Path jwtSecretFile() {
        return root.resolve("jwt-secret");
    }

    /** The demo partner's id and signing secret, one line: {@code id secret}. */
    public Path partnerFile() {
        return root.resolve("demo-partner.secret");
    }

    /** Written once the demo call has been made, so a restart does not make it again. */
    public Path demoMarker() {
        return root.resolve("demo-call.done");
    }

    public Path pidFile() {
        return root.resolve("stack.pids");
    }

    public Path stateFile() {
        return root.resolve("stack.state");
    }

    public void create() {
        try {
            Files.createDirectories(logs());
            Files.createDirectories(kafkaLogDirs());
            Files.createDirectories(mongoFile().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The dev JWT secret: created once (random, 48 bytes, owner-only file), then always the same. */
    public String jwtSecret() {
        Optional<String> existing = read(jwtSecretFile());
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        writeSecret(jwtSecretFile(), secret);
        return secret;
    }

    public Optional<String> read(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim())
                    .filter(s -> !s.isEmpty()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void writeSecret(Path file, String secret) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the folder is the user's anyway
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
