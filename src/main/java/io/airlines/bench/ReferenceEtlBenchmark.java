package io.airlines.bench;

import java.time.Duration;
import java.util.List;

import io.airlines.etl.Progress;
import io.airlines.etl.ReferenceEtl;
import io.airlines.etl.RunTracker;
import io.airlines.lufthansa.LufthansaClient;
import io.airlines.lufthansa.LufthansaSettings;
import io.airlines.lufthansa.RateLimiter;
import io.airlines.lufthansa.fake.FakeLufthansaApi;
import io.airlines.lufthansa.fake.FakeOptions;
import io.airlines.reference.ReferenceStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference job against the fake Lufthansa API enforcing the real limits (5/s, 1000/h), at the
 * client's default settings: its time as a ratio to the floor the rate limit sets (requests / 5
 * per second), and the 403s it caused. Full lists by default; {@code --items N} per list.
 */
class ReferenceEtlBenchmark implements Benchmark {
    private static final BenchOption ITEMS = BenchOption.count("items", 0, 1000,
            "items per reference list served by the fake API (0: the shipped data's sizes)");


    static final String SECRET = "bench-secret";

    @Override
    public String name() {
        return "lufthansa-etl";
    }

    @Override
    public List<BenchOption> options() {
        return List.of(ITEMS);
    }

    @Override
    public List<Measurement> run(BenchOptions options) throws Exception {
        int items = options.intValue(ITEMS);
        try (FakeLufthansaApi api = new FakeLufthansaApi(SECRET, FakeOptions.polite().withItemsPerList(items));
             ScratchStore store = ScratchStore.inMemory()) {
            LufthansaSettings defaults = new LufthansaSettings(api.baseUrl(), FakeLufthansaApi.CLIENT_ID, SECRET, 5, 1000,
                    5, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(15), 100, 4);
            LufthansaClient client = new LufthansaClient(defaults, new RateLimiter(5, 1000), JsonMapper.builder().build());
            ReferenceStore references = new ReferenceStore(store.database("bench"));
            references.createIndexes();
            RunTracker tracker = new RunTracker(Progress.NONE);
            long start = System.nanoTime();
            new ReferenceEtl(client, references, () -> { }).run(tracker);
            double seconds = (System.nanoTime() - start) / 1e9;
            long requests = api.requests();
            double floor = requests / 5.0;
            double ratio = seconds / floor;
            long rejected = api.rejectedOverLimit();
            return List.of(
                    Measurement.of(name(), "requests (token included)", requests, "requests"),
                    Measurement.of(name(), "documents inserted", tracker.inserted(), "docs"),
                    Measurement.of(name(), "reference ETL time", seconds, "s"),
                    Measurement.of(name(), "rate-limit floor (requests / 5 per s)", floor, "s"),
                    Measurement.withGoal(name(), "time / floor", ratio, "ratio", "≤ 1.1×", ratio <= 1.1),
                    Measurement.withGoal(name(), "403 over-QPS answers", rejected, "count", "0", rejected == 0));
        }
    }
}
