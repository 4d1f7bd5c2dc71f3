package io.airlines.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.airlines.stream.KafkaClients;
import io.airlines.stream.PipelineMetrics;
import io.airlines.stream.PositionCodec;
import io.airlines.stream.TestKafka;
import io.airlines.support.IntegrationTest;
import io.airlines.support.TestStack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A bucket written by several large writes (the sink at saturation) is stored as several segment
 * documents, found by one {@code _id} range, and a sink that replays the whole topic reads them all
 * back and stores nothing twice. A sink of its own (topic, groups, metrics, database), in {@code full}
 * mode, writing only on its interval, never early.
 */
class TrackSegmentsIT extends IntegrationTest {

    private static final int BATCHES = 5;
    private static final int PER_BATCH = 10;

    @Autowired
    KafkaClients clients;
    @Autowired
    PositionCodec codec;

    @Test
    void writes_of_many_points_each_start_segments_that_one_range_finds_and_a_replay_leaves_alone() throws Exception {
        String topic = TestKafka.newTopic("track-segments");
        String key = TestKafka.uniqueKey("SG");
        long span = Duration.ofMinutes(5).toMillis();
        long bucket = TrackIds.startOf(System.currentTimeMillis(), span) - span;
        String[] climb = PositionStoreIT.climb(key, bucket + 1_000, BATCHES * PER_BATCH);
        StoreSettings settings = new StoreSettings("full", Duration.ofMinutes(5), Duration.ofMillis(300),
                Duration.ofSeconds(10), Duration.ofDays(7), Duration.ofHours(1), 50_000, Duration.ofHours(1), 2);
        String name = "airlines_segments_" + UUID.randomUUID().toString().substring(0, 8);
        try (MongoClient client = MongoClients.create(TestStack.mongoUri())) {
            MongoDatabase database = client.getDatabase(name);
            try {
                PipelineMetrics metrics = new PipelineMetrics(new SimpleMeterRegistry());
                PositionSink sink = new PositionSink(clients, codec, metrics, settings, database, "segments-" + UUID.randomUUID(), topic);
                sink.start();
                try {
                    for (int b = 0; b < BATCHES; b++) {
                        List<String> batch = new ArrayList<>();
                        for (int i = b * PER_BATCH; i < (b + 1) * PER_BATCH; i++) {
                            batch.add(SinkAccountingIT.validated(codec, climb[i]));
                        }
                        TestKafka.send(topic, key, batch.toArray(String[]::new));
                        long expected = (long) (b + 1) * PER_BATCH;
                        await().atMost(Duration.ofSeconds(30)).until(() -> metrics.stored.sum() == expected);
                    }
                } finally {
                    sink.stop();
                }

                var positions = database.getCollection(TrackIds.COLLECTION);
                List<String> ids = new ArrayList<>();
                positions.find(Filters.eq("key", key)).forEach(d -> ids.add(d.getString("_id")));
                String bucketId = TrackIds.bucket(key, bucket);
                assertThat(ids).as("one bucket document, then a segment per write named by its first point")
                        .containsExactlyInAnyOrder(bucketId, bucketId + "|" + (bucket + 11_000), bucketId + "|" + (bucket + 21_000),
                                bucketId + "|" + (bucket + 31_000), bucketId + "|" + (bucket + 41_000));
                List<TrackPoint> track = TrackBucket.pointsOf(positions.find(TrackIds.buckets(key, bucket - span, bucket + span)));
                assertThat(track).extracting(TrackPoint::time).hasSize(BATCHES * PER_BATCH).isSorted()
                        .startsWith(bucket + 1_000).endsWith(bucket + 50_000);
                assertThat(positions.countDocuments(TrackIds.anyOf(List.of(bucketId)))).isEqualTo(BATCHES);
                assertThat(positions.countDocuments(TrackIds.buckets(key, bucket + span, bucket + 2 * span))).isZero();

                PipelineMetrics replay = new PipelineMetrics(new SimpleMeterRegistry());
                PositionSink again = new PositionSink(clients, codec, replay, settings, database, "segments-replay-" + UUID.randomUUID(), topic);
                again.start();
                try {
                    await().atMost(Duration.ofSeconds(30)).until(() -> replay.alreadyStored.sum() == BATCHES * PER_BATCH);
                } finally {
                    again.stop();
                }
                assertThat(replay.stored.sum()).isZero();
                assertThat(positions.countDocuments(Filters.eq("key", key))).isEqualTo(BATCHES);
                assertThat(TrackBucket.pointsOf(positions.find(Filters.eq("key", key)))).hasSize(BATCHES * PER_BATCH);
            } finally {
                database.drop();
            }
        }
    }
}
