package io.airlines.embedded.mongo;

import java.util.function.ToLongFunction;

import io.airlines.config.MongoConnection;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The embedded store file's size and live share on {@code /actuator/prometheus}: whether the data
 * directory's growth is data or reclaimable space shows there, not only in {@code du}.
 */
@Component
class EmbeddedStoreMetrics {

    public EmbeddedStoreMetrics(MongoConnection connection, MeterRegistry registry) {
        EmbeddedMongoStore store = connection.embeddedStore();
        if (store != null) {
            gauge(registry, store, "airlines.store.file.bytes", "size of the embedded store file", EmbeddedMongoStore.FileUse::bytes);
            gauge(registry, store, "airlines.store.file.live.percent",
                    "share of the embedded store file that current data uses (the rest is reclaimed by compaction)",
                    EmbeddedMongoStore.FileUse::livePercent);
            FunctionCounter.builder("airlines.store.file.syncs", store, EmbeddedMongoStore::syncs)
                    .description("times the embedded store file was synced to disk (AIRLINES_STORE_DURABILITY=disk)")
                    .register(registry);
            FunctionCounter.builder("airlines.store.commits", store, EmbeddedMongoStore::commits)
                    .description("commits of write commands to the embedded store file (overlapping writes share one)")
                    .register(registry);
            FunctionCounter.builder("airlines.store.file.written", store, EmbeddedMongoStore::writtenBytes)
                    .baseUnit("bytes")
                    .description("bytes written to the embedded store file: pages as compressed, rewritten ones included")
                    .register(registry);
            FunctionCounter.builder("airlines.store.file.read", store, EmbeddedMongoStore::readBytes)
                    .baseUnit("bytes")
                    .description("bytes read from the embedded store file: pages its cache did not hold")
                    .register(registry);
        }
    }

    private static void gauge(MeterRegistry registry, EmbeddedMongoStore store, String name, String description,
                              ToLongFunction<EmbeddedMongoStore.FileUse> value) {
        Gauge.builder(name, store, s -> {
            EmbeddedMongoStore.FileUse use = s.fileUse();
            return use == null ? Double.NaN : value.applyAsLong(use);
        }).description(description).register(registry);
    }
}
