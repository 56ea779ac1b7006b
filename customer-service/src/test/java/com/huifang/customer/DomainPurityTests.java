package com.huifang.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The domain core stays plain Java: no Spring, Reactor, Mongo or Kafka import (ARCHITECTURE.md, "Inside a service"). */
class DomainPurityTests {

    private static final Path MAIN = Path.of("src/main/java/com/huifang/customer");

    @Test
    void domainAndParsePackagesImportNoFrameworks() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(MAIN)) {
            sources = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.getParent().endsWith("domain") || p.getParent().endsWith(Path.of("imports", "parse")))
                    .toList();
        }
        assertThat(sources).isNotEmpty();
        assertThat(sources).allSatisfy(p -> assertThat(read(p))
                .as(p.toString())
                .doesNotContainPattern("import (static )?(org\\.springframework|reactor\\.|com\\.mongodb|org\\.bson|org\\.apache\\.kafka)"));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
