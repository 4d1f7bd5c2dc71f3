package io.airlines.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.airlines.stream.KafkaClients;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.RetriableCommitFailedException;
import org.apache.kafka.common.TopicPartition;
import io.airlines.stream.PipelineMetrics;
import io.airlines.stream.Position;
import io.airlines.stream.PositionCodec;
import io.airlines.stream.TestKafka;
import io.airlines.support.IntegrationTest;
import io.airlines.support.TestStack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every record the sink reads is counted once: stored, thinned by rule, or a copy of a stored
 * point. A sink of its own (own topic, group, metrics and database) sees a record delivered twice
 * within one batch, as a producer retry upstream of validation's duplicate check could cause (in
 * {@code full} mode: in {@code thinned} mode such a copy is thinned, the unchanged point it is).
 */
class SinkAccountingIT extends IntegrationTest {

    @Autowired
    KafkaClients clients;
    @Autowired
    PositionCodec codec;

    @Test
    void a_record_delivered_twice_in_one_batch_is_stored_once_and_counted_as_a_copy() throws Exception {
        String topic = TestKafka.newTopic("sink-accounting");
        String key = TestKafka.uniqueKey("AC");
        String[] climb = PositionStoreIT.climb(key, System.currentTimeMillis() - 60_000, 2);
        String first = validated(codec, climb[0]);
        String second = validated(codec, climb[1]);
        PipelineMetrics metrics = new PipelineMetrics(new SimpleMeterRegistry());
        StoreSettings settings = fullSettings();
        String name = "airlines_accounting_" + UUID.randomUUID().toString().substring(0, 8);
        try (MongoClient client = MongoClients.create(TestStack.mongoUri())) {
            MongoDatabase database = client.getDatabase(name);
            PositionSink sink = new PositionSink(clients, codec, metrics, settings, database, "accounting-" + UUID.randomUUID(), topic);
            TestKafka.send(topic, key, first, first, second);
            sink.start();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> metrics.stored.sum() == 2);
                assertThat(metrics.sinkReceived.sum()).isEqualTo(3);
                assertThat(metrics.alreadyStored.sum()).isEqualTo(1);
                assertThat(metrics.thinned.sum()).isZero();
                Document bucket = database.getCollection(TrackIds.COLLECTION).find(Filters.eq("key", key)).first();
                assertThat(bucket.getList("points", Document.class)).hasSize(2);
            } finally {
                sink.stop();
                database.drop();
            }
        }
    }

    @Test
    void an_offset_commit_that_failed_is_counted_where_prometheus_reads_it() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        PipelineMetrics metrics = new PipelineMetrics(registry);
        try (MongoClient client = MongoClients.create(TestStack.mongoUri())) {
            PositionSink sink = new PositionSink(clients, codec, metrics, fullSettings(), client.getDatabase("unused"),
                    "commit-" + UUID.randomUUID(), TestKafka.newTopic("sink-commit"));
            Map<TopicPartition, OffsetAndMetadata> offsets = Map.of(new TopicPartition("t", 0), new OffsetAndMetadata(5));

            sink.committed(offsets, null);
            sink.committed(offsets, new RetriableCommitFailedException("the coordinator moved"));

            assertThat(registry.get("airlines.store.offset.commit.failures").functionCounter().count()).isEqualTo(1.0);
        }
    }

    private static StoreSettings fullSettings() {
        return new StoreSettings("full", Duration.ofMinutes(5), Duration.ofSeconds(3),
                Duration.ofSeconds(10), Duration.ofDays(7), Duration.ofHours(1), 50_000, Duration.ofSeconds(3), 2);
    }

    /** A raw position as validation writes it onto {@code flights.positions}: what a sink reads. */
    static String validated(PositionCodec codec, String raw) {
        Position p = codec.decodeRaw(raw.getBytes(StandardCharsets.UTF_8), Position.HTTP).position();
        return new String(codec.encode(p), StandardCharsets.UTF_8);
    }
}
