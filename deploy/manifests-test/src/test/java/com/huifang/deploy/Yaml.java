package com.huifang.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reading YAML documents and walking them by key path, for the manifest checks. */
final class Yaml {

    /** The repository root: surefire runs this module in deploy/manifests-test. */
    static final Path ROOT = Path.of("").toAbsolutePath().resolve("../..").normalize();
    static final Path K8S = ROOT.resolve("deploy/k8s");
    static final Path COMPOSE = ROOT.resolve("deploy/compose");

    private Yaml() {
    }

    /** Every document of a file (merge keys {@code <<} resolved), empty ones skipped. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml(new SafeConstructor(options));
        List<Map<String, Object>> docs = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (Object doc : yaml.loadAll(in)) {
                if (doc != null) {
                    docs.add((Map<String, Object>) doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    static Map<String, Object> document(Path file) {
        List<Map<String, Object>> docs = documents(file);
        if (docs.size() != 1) {
            throw new IllegalStateException(file + " holds " + docs.size() + " documents, expected one");
        }
        return docs.get(0);
    }

    /** The value at a dotted key path ({@code spec.template.spec}), or null when any step is missing. */
    static Object at(Object node, String path) {
        Object current = node;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String path) {
        Object value = at(node, path);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object node, String path) {
        Object value = at(node, path);
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    static String string(Object node, String path) {
        Object value = at(node, path);
        return value == null ? null : String.valueOf(value);
    }
}
