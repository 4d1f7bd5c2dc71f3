package io.airlines.lufthansa;

import java.net.InetSocketAddress;
import java.time.Duration;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.airlines.lufthansa.fake.FakeLufthansaApi;
import io.airlines.lufthansa.fake.FakeOptions;
import io.airlines.support.FreePorts;
import org.h2.mvstore.MVStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fake Lufthansa API and a private in-memory store for tests of the client and the jobs
 * without Spring.
 */
public final class FakeStack implements AutoCloseable {

    public static final String SECRET = "s3cr3t-" + Long.toHexString(System.nanoTime());

    public final FakeLufthansaApi api;
    public final LufthansaClient client;
    public final MongoDatabase database;
    private final MongoServer server;
    private final MongoClient mongo;

    public FakeStack(FakeOptions options) throws Exception {
        api = new FakeLufthansaApi(SECRET, options);
        client = new LufthansaClient(settings(api.baseUrl()),
                new RateLimiter(5, 1000), JsonMapper.builder().build());
        server = new MongoServer(new H2Backend(new MVStore.Builder().open()));
        int port = FreePorts.next();
        server.bind(new InetSocketAddress("127.0.0.1", port));
        mongo = MongoClients.create("mongodb://127.0.0.1:" + port);
        database = mongo.getDatabase("fake_stack");
    }

    public static LufthansaSettings settings(String baseUrl) {
        return new LufthansaSettings(baseUrl, FakeLufthansaApi.CLIENT_ID, SECRET, 5, 1000, 5,
                Duration.ofMillis(50), Duration.ofSeconds(5), Duration.ofSeconds(10), 100, 4);
    }

    @Override
    public void close() {
        mongo.close();
        server.shutdownNow();
        api.close();
    }
}
