package com.huifang.platform.messaging;

import java.util.List;

/**
 * The collections of a service whose documents carry an {@code outbox} array. A service declares
 * one bean of this type; the {@link OutboxRelay} drains them.
 */
public record OutboxCollections(List<String> names) {

    public static OutboxCollections of(String... names) {
        return new OutboxCollections(List.of(names));
    }
}
