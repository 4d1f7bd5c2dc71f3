package io.airlines.embedded.mongo;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.function.BiConsumer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/** A store on a file, served on a spare port for the length of some work, then closed with its file. */
final class StoreFiles {

    private StoreFiles() {
    }

    /** Runs {@code work} on the {@code airlines} database of a store opened on {@code file}, with the backend that counts its I/O. */
    static void withDatabase(Path file, BiConsumer<DurableH2Backend, MongoDatabase> work) {
        DurableH2Backend backend = (DurableH2Backend) EmbeddedMongoStore.openBackend(file);
        WireServer server = new WireServer(backend, new InetSocketAddress("127.0.0.1", 0));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.port())) {
            work.accept(backend, client.getDatabase("airlines"));
        } finally {
            server.close();
        }
    }
}
