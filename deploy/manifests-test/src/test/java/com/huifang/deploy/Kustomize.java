package com.huifang.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The part of kustomize these manifests use, enough to check what an overlay renders: resources
 * (files or directories with a kustomization), strategic-merge patches found by kind and name
 * (maps merged key by key, lists of named items merged by name, other lists replaced), images
 * renamed, and the namespace set. It fails, as kustomize does, when a patch matches no resource.
 */
final class Kustomize {

    record Resource(Path file, Map<String, Object> doc) {
        String kind() {
            return Yaml.string(doc, "kind");
        }

        String name() {
            return Yaml.string(doc, "metadata.name");
        }

        String id() {
            return kind() + "/" + name();
        }
    }

    private Kustomize() {
    }

    static Map<String, Object> kustomization(Path dir) {
        return Yaml.document(dir.resolve("kustomization.yaml"));
    }

    @SuppressWarnings("unchecked")
    static List<String> list(Map<String, Object> kustomization, String key) {
        Object value = kustomization.get(key);
        if (value == null) {
            return List.of();
        }
        List<String> paths = new ArrayList<>();
        for (Object item : (List<Object>) value) {
            paths.add(item instanceof Map<?, ?> m ? String.valueOf(m.get("path")) : String.valueOf(item));
        }
        return paths;
    }

    /** The resources a kustomization directory renders, patches applied. */
    @SuppressWarnings("unchecked")
    static List<Resource> build(Path dir) {
        Map<String, Object> k = kustomization(dir);
        List<Resource> resources = new ArrayList<>();
        for (String entry : list(k, "resources")) {
            Path path = dir.resolve(entry).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(build(path));
            } else {
                Yaml.documents(path).forEach(doc -> resources.add(new Resource(path, deepCopy(doc))));
            }
        }
        for (String patchFile : list(k, "patches")) {
            for (Map<String, Object> patch : Yaml.documents(dir.resolve(patchFile))) {
                Resource target = resources.stream()
                        .filter(r -> Objects.equals(r.kind(), patch.get("kind"))
                                && Objects.equals(r.name(), Yaml.string(patch, "metadata.name")))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("patch " + patchFile + " targets "
                                + patch.get("kind") + "/" + Yaml.string(patch, "metadata.name") + ", which is not a resource"));
                merge(target.doc(), patch);
            }
        }
        Object namespace = k.get("namespace");
        if (namespace != null) {
            resources.forEach(r -> ((Map<String, Object>) r.doc().get("metadata")).put("namespace", namespace));
        }
        for (Map<String, Object> image : (List<Map<String, Object>>) k.getOrDefault("images", List.of())) {
            resources.forEach(r -> renameImage(r.doc(), (String) image.get("name"),
                    image.get("newName") + ":" + image.get("newTag")));
        }
        return resources;
    }

    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> target, Map<String, Object> patch) {
        patch.forEach((key, value) -> {
            Object existing = target.get(key);
            if (existing instanceof Map<?, ?> em && value instanceof Map<?, ?> pm) {
                merge((Map<String, Object>) em, (Map<String, Object>) pm);
            } else if (existing instanceof List<?> el && value instanceof List<?> pl && namedItems(el) && namedItems(pl)) {
                for (Object p : pl) {
                    Map<String, Object> item = (Map<String, Object>) p;
                    Map<String, Object> match = (Map<String, Object>) el.stream()
                            .filter(e -> Objects.equals(((Map<?, ?>) e).get("name"), item.get("name")))
                            .findFirst().orElse(null);
                    if (match == null) {
                        ((List<Object>) el).add(deepCopy(item));
                    } else {
                        merge(match, item);
                    }
                }
            } else {
                target.put(key, deepCopy(value));
            }
        });
    }

    private static boolean namedItems(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(i -> i instanceof Map<?, ?> m && m.containsKey("name"));
    }

    @SuppressWarnings("unchecked")
    private static void renameImage(Object node, String from, String to) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> map = (Map<String, Object>) m;
            Object image = map.get("image");
            if (image instanceof String s && (s.equals(from) || s.startsWith(from + ":"))) {
                map.put("image", to);
            }
            map.values().forEach(v -> renameImage(v, from, to));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> renameImage(v, from, to));
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T deepCopy(T node) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return (T) copy;
        }
        if (node instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> copy.add(deepCopy(v)));
            return (T) copy;
        }
        return node;
    }
}
