package io.airlines.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.airlines.stream.FlightEvent;
import io.airlines.stream.KafkaClients;
import io.airlines.stream.PipelineMetrics;
import io.airlines.stream.PositionCodec;
import io.airlines.stream.PrivacyBlocklist;
import io.airlines.stream.TestKafka;
import io.airlines.stream.Topics;
import io.airlines.support.IntegrationTest;
import io.airlines.support.TestStack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An aircraft erased while its records are on their way (validated before the erasure, waiting in
 * a sink's memory, or still in a topic) is not stored again behind the erasure's deletes.
 */
class ErasedInFlightIT extends IntegrationTest {

    @Autowired
    KafkaClients clients;
    @Autowired
    PositionCodec codec;
    @Autowired
    MongoDatabase database;
    @Autowired
    AircraftErasure erasure;

    @Test
    void points_waiting_in_the_sink_and_points_read_after_the_erasure_are_not_written() throws Exception {
        String topic = TestKafka.newTopic("erased-in-flight");
        String erased = TestKafka.uniqueKey("");
        String kept = TestKafka.uniqueKey("");
        long start = System.currentTimeMillis() - 60_000;
        String[] erasedClimb = validated(PositionStoreIT.climb(erased, start, 3));
        String[] keptClimb = validated(PositionStoreIT.climb(kept, start, 3));
        PipelineMetrics metrics = new PipelineMetrics(new SimpleMeterRegistry());
        PrivacyBlocklist blocklist = PrivacyBlocklist.empty();
        // Writes only when stopped: the points wait in memory while the aircraft is erased.
        StoreSettings holding = new StoreSettings("full", Duration.ofMinutes(5), Duration.ofMinutes(10),
                Duration.ofSeconds(10), Duration.ofDays(7), Duration.ofHours(1), 50_000, Duration.ofMinutes(10), 2);
        String name = "airlines_erased_" + UUID.randomUUID().toString().substring(0, 8);
        try (MongoClient client = MongoClients.create(TestStack.mongoUri())) {
            MongoDatabase store = client.getDatabase(name);
            PositionSink sink = new PositionSink(clients, codec, metrics, holding, store, "erased-" + UUID.randomUUID(),
                    topic, blocklist);
            try {
                sink.start();
                TestKafka.send(topic, erased, Arrays.copyOfRange(erasedClimb, 0, 2));
                TestKafka.send(topic, kept, Arrays.copyOfRange(keptClimb, 0, 2));
                await().atMost(Duration.ofSeconds(30)).until(() -> metrics.sinkReceived.sum() == 4);

                // As AircraftErasure does: blocked first, then the sink lets go of what it holds.
                blocklist.addAddresses(List.of(erased));
                sink.forget(erased);
                TestKafka.send(topic, erased, erasedClimb[2]);
                TestKafka.send(topic, kept, keptClimb[2]);
                await().atMost(Duration.ofSeconds(30)).until(() -> metrics.sinkReceived.sum() == 6);
                sink.stop();

                assertThat(PositionStoreIT.storedTimes(store, kept)).hasSize(3);
                assertThat(PositionStoreIT.storedTimes(store, erased)).isEmpty();
                assertThat(store.getCollection(FlightStates.COLLECTION).countDocuments(Filters.eq("_id", kept))).isOne();
                assertThat(store.getCollection(FlightStates.COLLECTION).countDocuments(Filters.eq("_id", erased))).isZero();
                assertThat(metrics.blocked.sum()).isOne();
            } finally {
                sink.stop();
                store.drop();
            }
        }
    }

    @Test
    void a_position_and_an_event_validated_before_the_erasure_are_not_stored_after_it() throws Exception {
        String hex = TestKafka.uniqueKey("");
        String[] climb = validated(PositionStoreIT.climb(hex, System.currentTimeMillis() - 60_000, 2));
        RecordMetadata first = TestKafka.sendAndLocate(Topics.POSITIONS, hex, climb[0]).get(0);
        await().atMost(Duration.ofSeconds(60)).until(() -> !PositionStoreIT.storedTimes(database, hex).isEmpty());

        erasure.erase(hex);
        RecordMetadata late = TestKafka.sendAndLocate(Topics.POSITIONS, hex, climb[1]).get(0);
        FlightEvent takeoff = new FlightEvent(hex + "-takeoff-" + first.timestamp(), "takeoff", hex, "TST1",
                first.timestamp(), 50.0, 8.0, "1000", "late event");
        RecordMetadata lateEvent = TestKafka.sendAndLocate(Topics.EVENTS, hex,
                new String(codec.encodeEvent(takeoff), StandardCharsets.UTF_8)).get(0);

        await().atMost(Duration.ofSeconds(60)).until(() -> TestKafka.committed(PositionSink.GROUP, late) > late.offset()
                && TestKafka.committed("airlines-events-store", lateEvent) > lateEvent.offset());
        assertThat(PositionStoreIT.storedTimes(database, hex)).isEmpty();
        assertThat(database.getCollection(FlightStates.COLLECTION).countDocuments(Filters.eq("_id", hex))).isZero();
        assertThat(database.getCollection(EventSink.COLLECTION).countDocuments(Filters.eq("key", hex))).isZero();
    }

    private String[] validated(String[] raw) {
        return Arrays.stream(raw).map(r -> SinkAccountingIT.validated(codec, r)).toArray(String[]::new);
    }
}
