package io.airlines.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.airlines.stream.Canonical;
import io.airlines.stream.TestKafka;
import io.airlines.stream.Topics;
import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import io.airlines.support.TestStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PositionStoreIT extends IntegrationTest {

    @Autowired
    MongoDatabase database;
    @Autowired
    PositionSink sink;

    /** Points 200 m apart in altitude, so the thinned mode keeps every one. */
    static String[] climb(String key, long start, int n) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = Canonical.json(key, start + i * 1000L, 50.0 + i * 0.001, 8.0, 1000 + i * 200, "1000", "http");
        }
        return out;
    }

    List<Long> storedTimes(String key) {
        return storedTimes(database, key);
    }

    /** The times of a flight's stored points, segment by segment in stored order: a copy shows twice. */
    static List<Long> storedTimes(MongoDatabase db, String key) {
        List<Long> times = new ArrayList<>();
        for (Document d : db.getCollection(TrackIds.COLLECTION).find(Filters.eq("key", key))) {
            for (long t : TrackIds.pointTimes(d)) {
                times.add(t);
            }
        }
        return times;
    }

    @Test
    void positions_are_stored_as_ordered_track_buckets_and_served_as_a_track() {
        String key = TestKafka.uniqueKey("ST");
        long start = System.currentTimeMillis() - 30_000;
        TestKafka.send(Topics.POSITIONS_RAW, key, climb(key, start, 8));

        await().atMost(Duration.ofSeconds(30)).until(() -> storedTimes(key).size() == 8);
        Document bucket = database.getCollection(TrackIds.COLLECTION).find(Filters.eq("key", key)).first();
        assertThat(bucket.getString("_id")).startsWith(key + "|");
        assertThat(database.getCollection(FlightStates.COLLECTION).find(Filters.eq("_id", key)).first())
                .isNotNull().containsEntry("source", "http");

        String track = Http.get(url("/api/v1/flights/" + key + "/track")).body();
        assertThat(track).startsWith("{\"key\":\"" + key + "\",\"points\":[{\"time\":" + start);
        assertThat(track.split("\"time\"")).hasSize(9);
        assertThat(Http.get(url("/api/v1/flights/" + key + "/track?from=yesterday")).statusCode()).isEqualTo(400);
    }

    @Test
    void a_late_point_is_sorted_into_its_bucket_among_the_stored_ones() {
        String key = TestKafka.uniqueKey("LT");
        // Well inside one bucket, so that the late point joins points already stored.
        long start = TrackIds.startOf(System.currentTimeMillis() - 120_000, Duration.ofMinutes(5).toMillis()) + 10_000;
        String[] points = climb(key, start, 8);
        List<String> early = new ArrayList<>(List.of(points));
        String late = early.remove(3);
        TestKafka.send(Topics.POSITIONS_RAW, key, early.toArray(String[]::new));
        await().atMost(Duration.ofSeconds(30)).until(() -> storedTimes(key).size() == 7);

        TestKafka.send(Topics.POSITIONS_RAW, key, late);
        await().atMost(Duration.ofSeconds(30)).until(() -> storedTimes(key).size() == 8);
        assertThat(storedTimes(key)).isSorted().doesNotHaveDuplicates().contains(start + 3_000);
        Document bucket = database.getCollection(TrackIds.COLLECTION).find(Filters.eq("key", key)).first();
        assertThat(bucket.getInteger("count")).isEqualTo(8);
    }

    @Test
    void a_sink_halted_mid_batch_and_replayed_from_earlier_offsets_leaves_exactly_one_copy_of_each_point() throws Exception {
        String key = TestKafka.uniqueKey("RP");
        // Well inside one bucket: the marker below and the replayed points go out in one document write.
        long start = TrackIds.startOf(System.currentTimeMillis() - 120_000, Duration.ofMinutes(5).toMillis()) + 10_000;
        Map<TopicPartition, Long> before = TestKafka.endOffsets(Topics.POSITIONS);
        String[] points = climb(key, start, 21);
        TestKafka.send(Topics.POSITIONS_RAW, key, Arrays.copyOfRange(points, 0, 10));
        await().atMost(Duration.ofSeconds(30)).until(() -> storedTimes(key).size() == 10);

        TestKafka.send(Topics.POSITIONS_RAW, key, Arrays.copyOfRange(points, 10, 20));
        // Crash while the second batch sits in memory, then replay everything since the first.
        // Halting only once all 20 are validated onto flights.positions makes the replay cover them all.
        TestKafka.readUntil(Topics.POSITIONS, seen -> seen.stream().filter(r -> key.equals(r.key())).count() >= 20);
        sink.halt();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> rewind = new HashMap<>();
            before.forEach((tp, offset) -> rewind.put(tp, new OffsetAndMetadata(offset)));
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                admin.alterConsumerGroupOffsets(PositionSink.GROUP, rewind).all().get();
                return true;
            });
        }
        sink.start();

        // The flight's records stay in order on their partition: once the marker sent after the
        // restart is stored, the replay of the 20 before it has been written too.
        long marker = start + 20_000;
        TestKafka.send(Topics.POSITIONS_RAW, key, points[20]);
        await().atMost(Duration.ofSeconds(40)).until(() -> storedTimes(key).contains(marker));
        List<Long> expected = LongStream.range(0, 21).mapToObj(i -> start + i * 1000).toList();
        assertThat(storedTimes(key)).containsExactlyElementsOf(expected);
    }
}
