package io.airlines.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import io.airlines.config.AirlinesSettings;
import io.airlines.config.MongoConnection;
import io.airlines.stream.KafkaClients;
import io.airlines.stream.PipelineMetrics;
import io.airlines.stream.PositionCodec;
import io.airlines.stream.TestKafka;
import io.airlines.stream.Topics;
import io.airlines.support.FreePorts;
import io.airlines.support.IntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@code AIRLINES_STORE_DURABILITY}: with {@code disk}, the embedded store syncs its file before it
 * acknowledges a write, so before the sink commits the write's offsets; with {@code process} it
 * never waits for the disk. Each case runs on an embedded store of its own, started as the server
 * starts it, with a sink in a consumer group of its own.
 */
class SinkDurabilityIT extends IntegrationTest {

    @Autowired
    KafkaClients clients;
    @Autowired
    PositionCodec codec;

    @Test
    void with_disk_durability_an_acknowledged_write_has_been_synced_to_disk() throws Exception {
        try (MongoConnection connection = open("disk")) {
            MongoCollection<Document> probe = connection.database().getCollection("probe");
            for (int i = 1; i <= 3; i++) {
                long before = connection.embeddedStore().syncs();
                probe.insertOne(new Document("_id", i));
                assertThat(connection.embeddedStore().syncs()).as("syncs when insert " + i + " returned").isGreaterThan(before);
            }
        }
    }

    @Test
    void with_disk_durability_every_write_of_the_sink_is_synced_before_its_offsets_are_committed() throws Exception {
        try (MongoConnection connection = open("disk")) {
            Drained drained = drain(connection);
            assertThat(drained.storeWrites()).isPositive();
            assertThat(drained.syncs()).isGreaterThanOrEqualTo(drained.storeWrites());
        }
    }

    @Test
    void with_process_durability_the_sink_never_waits_for_the_disk() throws Exception {
        try (MongoConnection connection = open("process")) {
            Drained drained = drain(connection);
            assertThat(drained.storeWrites()).isPositive();
            assertThat(drained.syncs()).isZero();
        }
    }

    record Drained(long storeWrites, long syncs) {
    }

    /** A sink writes a flight's points into the connection's store, then stops (its last offsets committed and awaited). */
    private Drained drain(MongoConnection connection) {
        String key = TestKafka.uniqueKey("DUR");
        PipelineMetrics metrics = new PipelineMetrics(new SimpleMeterRegistry());
        StoreSettings settings = new StoreSettings("thinned", Duration.ofMinutes(5), Duration.ofMillis(300),
                Duration.ofSeconds(10), Duration.ofDays(7), Duration.ofHours(1), 200_000, Duration.ofMillis(100), 2);
        PositionSink sink = new PositionSink(clients, codec, metrics, settings, connection.database(),
                "durability-test-" + UUID.randomUUID(), Topics.POSITIONS);
        sink.start();
        try {
            TestKafka.send(Topics.POSITIONS_RAW, key, PositionStoreIT.climb(key, System.currentTimeMillis() - 60_000, 5));
            await().atMost(Duration.ofSeconds(60)).until(() -> PositionStoreIT.storedTimes(connection.database(), key).size() == 5);
        } finally {
            sink.stop();
        }
        return new Drained(metrics.storeWrites.sum(), connection.embeddedStore().syncs());
    }

    /** The embedded store as the server opens it, with this durability, on a free port and a data directory of its own. */
    private static MongoConnection open(String durability) throws Exception {
        Path dataDir = Files.createTempDirectory("airlines-durability-");
        AirlinesSettings settings = new Binder(new MapConfigurationPropertySource(Map.of(
                "airlines.data-dir", dataDir.toString(),
                "airlines.mongo.port", String.valueOf(FreePorts.next()),
                "airlines.mongo.database", "durability",
                "airlines.mongo.durability", durability))).bindOrCreate("airlines", AirlinesSettings.class);
        return MongoConnection.open(settings);
    }
}
