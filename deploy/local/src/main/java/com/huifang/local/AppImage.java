package com.huifang.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A service's jar prepared for fast, lean starts with class data sharing (CDS): the runnable jar
 * extracted with Spring Boot's {@code -Djarmode=tools extract} (CDS cannot archive classes inside
 * nested jars), and a dynamic CDS archive that the first run writes when it exits
 * ({@code -XX:ArchiveClassesAtExit}) and later runs map ({@code -XX:SharedArchiveFile}). Roughly
 * halves the CPU a service needs to start. Kept under {@code <data>/app/<service>/}, keyed by the
 * jar's content, so a rebuild that changes code re-extracts and re-trains, and one that does not
 * (only the build time differs) keeps both.
 */
public final class AppImage {

    static final String KEY_FILE = "jar.key";
    static final String ARCHIVE = "app.jsa";
    static final String NEW_ARCHIVE = "app.jsa.new";

    private final Path dir;
    private final Path jar;

    AppImage(Path dir, Path jar) {
        this.dir = dir;
        this.jar = jar;
    }

    /** Extracts {@code execJar} into {@code dir} unless an extraction of the same content is there. */
    public static AppImage prepare(Path execJar, Path dir, Path log) throws InterruptedException {
        String key = contentKey(execJar);
        Path extracted = dir.resolve("app");
        Path jar = extracted.resolve(execJar.getFileName());
        try {
            Path keyFile = dir.resolve(KEY_FILE);
            if (Files.exists(jar) && Files.exists(keyFile)
                    && Files.readString(keyFile, StandardCharsets.UTF_8).trim().equals(key)) {
                return new AppImage(dir, jar);
            }
            deleteTree(dir);
            Files.createDirectories(dir);
            Process p = new ProcessBuilder(Launcher.javaExecutable(), "-Xmx64m", "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", "-Djarmode=tools", "-jar", execJar.toString(), "extract",
                    "--destination", extracted.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.exists(jar)) {
                p.destroyForcibly();
                throw new StackException("extracting " + execJar + " failed; see " + log);
            }
            Files.writeString(keyFile, key + "\n", StandardCharsets.UTF_8);
            return new AppImage(dir, jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A digest of the jar's entries (names and CRCs), leaving out the build-info file whose build
     * time changes at every build.
     */
    static String contentKey(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<ZipEntry> entries = new ArrayList<>(zip.stream().toList());
            entries.sort(Comparator.comparing(ZipEntry::getName));
            for (ZipEntry e : entries) {
                if (e.getName().endsWith("META-INF/build-info.properties")) {
                    continue;
                }
                sha.update(e.getName().getBytes(StandardCharsets.UTF_8));
                sha.update(Long.toString(e.getCrc()).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path jar() {
        return jar;
    }

    public boolean trained() {
        return Files.exists(dir.resolve(ARCHIVE));
    }

    /** The JVM flag for this run: map the archive, or write one at exit if there is none yet. */
    public String cdsFlag() {
        return trained() ? "-XX:SharedArchiveFile=" + dir.resolve(ARCHIVE)
                : "-XX:ArchiveClassesAtExit=" + dir.resolve(NEW_ARCHIVE);
    }

    /**
     * After the service exited: an archive written by a clean exit becomes the one later runs map;
     * one of a killed process (perhaps cut short) is dropped.
     */
    public void afterExit(boolean clean) {
        Path fresh = dir.resolve(NEW_ARCHIVE);
        try {
            if (clean && Files.exists(fresh) && Files.size(fresh) > 0) {
                Files.move(fresh, dir.resolve(ARCHIVE), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(fresh);
            }
        } catch (IOException e) {
            System.err.println("  cannot keep the CDS archive in " + dir + ": " + e.getMessage());
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
