package io.airlines.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.airlines.embedded.mongo.EmbeddedMongoStore;
import org.h2.mvstore.MVStore;

/**
 * A throw-away MongoDB-wire store of the same kind as the embedded one (mongo-java-server on an H2
 * MVStore), on a free loopback port: in memory, or in a file that is deleted on close.
 */
public final class ScratchStore implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;
    private final MVStore store;
    private final Path file;

    private ScratchStore(Path file, H2Backend backend) throws IOException {
        this.file = file;
        store = backend.getMvStore();
        server = new MongoServer(backend);
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        server.bind(new InetSocketAddress("127.0.0.1", port));
        client = MongoClients.create("mongodb://127.0.0.1:" + port);
    }

    public static ScratchStore inMemory() throws IOException {
        return new ScratchStore(null, EmbeddedMongoStore.openBackend(null));
    }

    public static ScratchStore inFile(Path dir) throws IOException {
        Path file = fileIn(dir);
        return new ScratchStore(file, EmbeddedMongoStore.openBackend(file));
    }

    /** In a file, keeping old versions only this long, so that a test sees H2 reuse space at once. */
    public static ScratchStore inFile(Path dir, Duration oldVersionRetention) throws IOException {
        Path file = fileIn(dir);
        return new ScratchStore(file, EmbeddedMongoStore.openBackend(file, oldVersionRetention));
    }

    private static Path fileIn(Path dir) throws IOException {
        return Files.createDirectories(dir).resolve("scratch.mv");
    }

    public MongoDatabase database(String name) {
        return client.getDatabase(name);
    }

    /** Bytes of the store file (0 in memory). */
    public long fileBytes() {
        try {
            store.commit();
            return file == null ? 0 : Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // A temp file left behind is harmless.
        }
    }
}
