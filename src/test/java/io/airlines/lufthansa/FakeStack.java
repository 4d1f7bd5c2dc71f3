package io.airlines.lufthansa;

import java.time.Duration;

import com.mongodb.client.MongoDatabase;
import io.airlines.bench.ScratchStore;
import io.airlines.lufthansa.fake.FakeLufthansaApi;
import io.airlines.lufthansa.fake.FakeOptions;
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
    private final ScratchStore store;

    public FakeStack(FakeOptions options) throws Exception {
        api = new FakeLufthansaApi(SECRET, options);
        client = new LufthansaClient(settings(api.baseUrl()),
                new RateLimiter(5, 1000), JsonMapper.builder().build());
        store = ScratchStore.inMemory();
        database = store.database("fake_stack");
    }

    public static LufthansaSettings settings(String baseUrl) {
        return new LufthansaSettings(baseUrl, FakeLufthansaApi.CLIENT_ID, SECRET, 5, 1000, 5,
                Duration.ofMillis(50), Duration.ofSeconds(5), Duration.ofSeconds(10), 100, 4);
    }

    @Override
    public void close() {
        store.close();
        api.close();
    }
}
