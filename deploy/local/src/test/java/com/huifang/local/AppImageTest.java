package com.huifang.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CDS cache of a service: re-extracted only when code changes, an archive kept only after a clean exit. */
class AppImageTest {

    @TempDir
    Path dir;

    @Test
    void aRebuildThatOnlyChangesTheBuildTimeKeepsTheKeyAndAChangedClassDoesNot() throws IOException {
        Path a = jar("a.jar", Map.of("BOOT-INF/classes/A.class", "code-1",
                "BOOT-INF/classes/META-INF/build-info.properties", "build.time=1"));
        Path b = jar("b.jar", Map.of("BOOT-INF/classes/A.class", "code-1",
                "BOOT-INF/classes/META-INF/build-info.properties", "build.time=2"));
        Path c = jar("c.jar", Map.of("BOOT-INF/classes/A.class", "code-2",
                "BOOT-INF/classes/META-INF/build-info.properties", "build.time=1"));
        assertThat(AppImage.contentKey(a)).isEqualTo(AppImage.contentKey(b)).isNotEqualTo(AppImage.contentKey(c));
    }

    @Test
    void anArchiveWrittenAtACleanExitIsMappedByTheNextRun() throws IOException {
        AppImage image = new AppImage(dir, dir.resolve("app/x.jar"));
        assertThat(image.trained()).isFalse();
        assertThat(image.cdsFlag()).isEqualTo("-XX:ArchiveClassesAtExit=" + dir.resolve("app.jsa.new"));
        Files.writeString(dir.resolve("app.jsa.new"), "archive");
        image.afterExit(true);
        assertThat(image.trained()).isTrue();
        assertThat(image.cdsFlag()).isEqualTo("-XX:SharedArchiveFile=" + dir.resolve("app.jsa"));
    }

    @Test
    void anArchiveOfAKilledProcessIsDropped() throws IOException {
        AppImage image = new AppImage(dir, dir.resolve("app/x.jar"));
        Files.writeString(dir.resolve("app.jsa.new"), "perhaps cut short");
        image.afterExit(false);
        assertThat(dir.resolve("app.jsa.new")).doesNotExist();
        assertThat(image.trained()).isFalse();
    }

    private Path jar(String name, Map<String, String> entries) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }
}
