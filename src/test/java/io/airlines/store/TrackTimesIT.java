package io.airlines.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.airlines.stream.TestKafka;
import io.airlines.stream.Topics;
import io.airlines.support.IntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The time index of the tracks: written by the sink with the buckets, purged and erased with them. */
class TrackTimesIT extends IntegrationTest {

    @Autowired
    MongoDatabase database;
    @Autowired
    StoreMaintenance maintenance;
    @Autowired
    AircraftErasure erasure;

    private List<String> entriesOf(String key) {
        return database.getCollection(TrackTimes.COLLECTION).find(Filters.eq("key", key))
                .map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    @Test
    void the_sink_lists_each_hour_a_flight_has_points_in() {
        String key = TestKafka.uniqueKey("TT");
        long hour = TrackIds.startOf(System.currentTimeMillis(), TrackTimes.SLOT_MS) - TrackTimes.SLOT_MS;
        // Two points either side of an hour's end: two buckets, two hours.
        TestKafka.send(Topics.POSITIONS_RAW, key, PositionStoreIT.climb(key, hour + TrackTimes.SLOT_MS - 2_000, 4));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(entriesOf(key))
                .containsExactlyInAnyOrder(hour + "|" + key, (hour + TrackTimes.SLOT_MS) + "|" + key));
    }

    @Test
    void entries_go_with_the_retention_and_with_an_erasure() {
        String key = TestKafka.uniqueKey("");
        long now = System.currentTimeMillis();
        long old = TrackIds.startOf(now - 8L * 24 * 3_600_000, TrackTimes.SLOT_MS);
        long recent = TrackIds.startOf(now - 3_600_000, TrackTimes.SLOT_MS);
        MongoCollection<Document> entries = database.getCollection(TrackTimes.COLLECTION);
        for (long slot : List.of(old, recent)) {
            entries.insertOne(new Document("_id", slot + "|" + key).append("key", key)
                    .append("end", new Date(slot + TrackTimes.SLOT_MS)));
        }

        maintenance.purge(now);
        assertThat(entriesOf(key)).containsExactly(recent + "|" + key);

        assertThat(erasure.erase(key)).containsEntry(TrackTimes.COLLECTION, 1L);
        assertThat(entriesOf(key)).isEmpty();
    }
}
