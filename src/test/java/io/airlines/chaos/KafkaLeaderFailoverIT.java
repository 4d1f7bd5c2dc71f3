package io.airlines.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoDatabase;
import io.airlines.aircraft.AircraftIdentities;
import io.airlines.bench.ScratchStore;
import io.airlines.config.KafkaConnection;
import io.airlines.store.PositionSink;
import io.airlines.store.StoreSettings;
import io.airlines.stream.KafkaClients;
import io.airlines.stream.PipelineMetrics;
import io.airlines.stream.Position;
import io.airlines.stream.PositionCodec;
import io.airlines.stream.PrivacyBlocklist;
import io.airlines.stream.ReferenceCache;
import io.airlines.stream.StreamSettings;
import io.airlines.stream.TestKafka;
import io.airlines.stream.Topics;
import io.airlines.stream.ValidationPipeline;
import io.airlines.support.KafkaCluster;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * The project's own pipeline on three brokers (replication 3, min.insync.replicas 2): positions
 * sent as ingest sends them (the pipeline's producer settings, keyed by flight), validated by
 * {@link ValidationPipeline} and stored by {@link PositionSink}, while the leader of a busy raw
 * partition dies mid-stream and comes back. No send may fail, and every point must be read back
 * from the store exactly once.
 */
class KafkaLeaderFailoverIT {

    private static final int PARTITIONS = 6;
    /** Sends are spread over this many ticks, so that the broker dies while traffic flows. */
    private static final int TICKS = 200;
    private static final Duration TICK = Duration.ofMillis(50);

    @Test
    void killing_the_leader_mid_stream_fails_no_send_and_stores_every_point_exactly_once() throws Exception {
        int total = ChaosScale.of(30_000, 1_000_000);
        ChaosTraffic traffic = ChaosTraffic.newRun("KF");
        try (KafkaCluster cluster = KafkaCluster.start(3); ScratchStore store = ScratchStore.inMemory()) {
            for (String topic : List.of(Topics.POSITIONS_RAW, Topics.POSITIONS, Topics.POSITIONS_DLQ, Topics.EVENTS)) {
                cluster.createTopic(topic, PARTITIONS);
            }
            MongoDatabase database = store.database("airlines");
            KafkaClients clients = new KafkaClients(KafkaConnection.to(cluster.bootstrapServers()));
            PositionCodec codec = PositionCodec.standalone();
            PipelineMetrics metrics = new PipelineMetrics(new SimpleMeterRegistry());
            StreamSettings streamSettings = new StreamSettings(Duration.ofSeconds(60), Duration.ofSeconds(120),
                    Duration.ofMinutes(5));
            ValidationPipeline validation = new ValidationPipeline(clients, codec,
                    new ReferenceCache(database, AircraftIdentities.withoutDatabase(), streamSettings), metrics,
                    streamSettings, PrivacyBlocklist.empty());
            PositionSink sink = new PositionSink(clients, codec, metrics, new StoreSettings("thinned", Duration.ofMinutes(5),
                    Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofDays(7), Duration.ofHours(1), 50_000,
                    Duration.ofMillis(5), 2), database, PrivacyBlocklist.empty());
            validation.start();
            sink.start();
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            List<Future<RecordMetadata>> sends = new ArrayList<>(total);
            AtomicInteger sent = new AtomicInteger();
            try (KafkaProducer<String, byte[]> ingest = clients.producer("airlines-sources")) {
                ticker.scheduleAtFixedRate(() -> sendSlice(ingest, traffic, total, sends, sent), 0, TICK.toMillis(),
                        TimeUnit.MILLISECONDS);

                await().atMost(Duration.ofSeconds(60)).until(() -> sent.get() >= total / 3);
                int victim = cluster.leaderOf(Topics.POSITIONS_RAW, 0);
                long stoppedAt = System.nanoTime();
                cluster.stopBroker(victim);
                int sentAtKill = sent.get();
                await().atMost(Duration.ofSeconds(90)).until(() -> cluster.leaderOf(Topics.POSITIONS_RAW, 0) != victim);
                long failoverMillis = (System.nanoTime() - stoppedAt) / 1_000_000;
                await().atMost(Duration.ofSeconds(120)).until(() -> sent.get() >= Math.min(total, sentAtKill + total / 4));
                cluster.startBroker(victim);
                await().atMost(Duration.ofSeconds(120)).until(() -> cluster.inSyncReplicas(Topics.POSITIONS_RAW, 0) == 3);
                await().atMost(Duration.ofSeconds(120)).until(() -> sent.get() == total);
                ticker.shutdown();
                assertThat(ticker.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
                ingest.flush();
                countOutcomes(sends, traffic);

                await().atMost(Duration.ofSeconds(ChaosScale.of(120, 900))).pollInterval(Duration.ofSeconds(1))
                        .until(() -> traffic.stored(database).distinct() >= traffic.acked.get());
                ChaosTraffic.Stored stored = traffic.stored(database);
                long writtenTwice = writtenTwice(cluster.bootstrapServers(), Topics.POSITIONS_RAW, codec);
                Map<String, Number> extra = new LinkedHashMap<>();
                extra.put("sendsFailed", traffic.failed.get());
                extra.put("rawWrittenTwice", writtenTwice);
                extra.put("deadLettered", metrics.dlq.sum());
                extra.put("failoverMillis", failoverMillis);
                new ChaosReport("kafka-leader-failover", stored.figures(traffic, total, extra)).write();

                assertThat(traffic.failed.get()).as("sends failed").isZero();
                assertThat(traffic.acked.get()).as("sends acknowledged").isEqualTo(total);
                assertThat(stored.distinct()).as("points read back from the store").isEqualTo(total);
                assertThat(stored.duplicated()).as("points stored twice").isZero();
                assertThat(writtenTwice).as("records written twice to " + Topics.POSITIONS_RAW).isZero();
            } finally {
                ticker.shutdownNow();
                sink.stop();
                validation.stop();
            }
        }
    }

    /** One tick's share of the traffic, sent the way ingest sends a position: keyed by flight, to the raw topic. */
    private static void sendSlice(KafkaProducer<String, byte[]> ingest, ChaosTraffic traffic, int total,
                                  List<Future<RecordMetadata>> sends, AtomicInteger sent) {
        int from = sent.get();
        int to = Math.min(total, from + Math.max(1, total / TICKS));
        for (int i = from; i < to; i++) {
            sends.add(ingest.send(new ProducerRecord<>(Topics.POSITIONS_RAW, traffic.key(i / ChaosTraffic.POINTS_PER_FLIGHT),
                    traffic.good(i).getBytes(StandardCharsets.UTF_8))));
        }
        sent.set(to);
    }

    /** Every send has completed (the producer was flushed): each one counts as acknowledged or failed. */
    private static void countOutcomes(List<Future<RecordMetadata>> sends, ChaosTraffic traffic) throws InterruptedException {
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get();
                traffic.acked.incrementAndGet();
            } catch (ExecutionException e) {
                traffic.failed.incrementAndGet();
            }
        }
    }

    /** Records of the topic that repeat a position already in it (same flight and time): every position sent is unique. */
    private static long writtenTwice(String bootstrap, String topic, PositionCodec codec) {
        Set<String> seen = new HashSet<>();
        AtomicLong twice = new AtomicLong();
        TestKafka.readToEnd(bootstrap, topic, r -> {
            Position p = codec.decodeRaw(r.value(), Position.HTTP).position();
            if (!seen.add(p.key() + "@" + p.time())) {
                twice.incrementAndGet();
            }
        });
        return twice.get();
    }
}
