package com.huifang.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The domain core stays plain Java: no Spring, Reactor, Mongo or Kafka import (ARCHITECTURE.md). */
class DomainPurityTests {

    private static final List<String> FORBIDDEN = List.of("import org.springframework", "import reactor.",
            "import com.mongodb", "import org.bson", "import org.apache.kafka");

    @Test
    void domainPackagesImportNoFramework() throws IOException {
        Path root = Path.of("src/main/java/com/huifang/reporting");
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> domain = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.getParent().endsWith("domain") || f.getParent().endsWith("export")).toList();
            assertThat(domain).isNotEmpty();
            for (Path f : domain) {
                String text = Files.readString(f);
                for (String bad : FORBIDDEN) {
                    assertThat(text).as(f + " imports " + bad).doesNotContain(bad);
                }
            }
        }
    }
}
