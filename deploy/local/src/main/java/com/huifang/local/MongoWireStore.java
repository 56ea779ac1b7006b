package com.huifang.local;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded MongoDB-wire store (mongo-java-server): file-backed (H2 MVStore) for the local stack
 * so data survives a restart, in memory for tests. It has known gaps (no transactions, no TTL, no
 * $text): Huifang's code keeps within the subset real MongoDB 7 and this store both accept.
 */
public final class MongoWireStore implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;

    private MongoWireStore(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /** In memory, on a free loopback port. */
    public static MongoWireStore inMemory() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        return new MongoWireStore(server, server.getLocalAddress());
    }

    /** File-backed under {@code file}, on the given loopback port (0 for any free port). */
    public static MongoWireStore fileBacked(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        MongoServer server = new MongoServer(new H2Backend(file.toAbsolutePath().toString()));
        server.bind("127.0.0.1", port);
        return new MongoWireStore(server, server.getLocalAddress());
    }

    public String uri() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
