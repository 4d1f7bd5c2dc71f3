package io.airlines.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.airlines.store.PositionSink;
import io.airlines.store.StoreSettings;
import io.airlines.stream.Canonical;
import io.airlines.stream.KafkaClients;
import io.airlines.stream.PipelineMetrics;
import io.airlines.stream.Position;
import io.airlines.stream.PositionCodec;
import io.airlines.stream.Topics;
import io.airlines.support.IntegrationTest;
import io.airlines.support.TcpProxy;
import io.airlines.support.TestStack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * While the store is unreachable a second sink of the same group joins and then leaves: each time
 * the partitions move, and records keep arriving. A rebalance resumes every partition it assigns,
 * so a sink that did not pause them again would read records it cannot write and, once the store
 * is back, commit later offsets over them. Read back from the store: every point exactly once.
 */
class StoreOutageRebalanceIT extends IntegrationTest {

    private static final int PARTITIONS = 4;
    /** Each waits for one step of the group or the sink, whatever the size. */
    private static final Duration STEP = Duration.ofSeconds(60);

    @Autowired
    KafkaClients clients;
    @Autowired
    PositionCodec codec;

    @Test
    void a_sink_joining_and_leaving_the_group_while_the_store_is_down_loses_no_point_and_stores_none_twice() throws Exception {
        int flightsPerPartition = ChaosScale.of(2, 250);
        String run = "RB" + Long.toHexString(UUID.randomUUID().getMostSignificantBits() & 0xfffffL);
        String topic = "sink-rebalance-" + UUID.randomUUID();
        String group = "sink-rebalance-" + UUID.randomUUID();
        String database = "airlines_rebalance_" + UUID.randomUUID().toString().substring(0, 8);
        StoreSettings settings = new StoreSettings("full", Duration.ofMinutes(5), Duration.ofMillis(300),
                Duration.ofSeconds(10), Duration.ofDays(7), Duration.ofHours(1), 200_000, Duration.ofMillis(100), 2);
        PipelineMetrics firstMetrics = new PipelineMetrics(new SimpleMeterRegistry());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers()));
             TcpProxy proxy = new TcpProxy(TestStack.MONGO_PORT);
             MongoClient viaProxy = MongoClients.create("mongodb://127.0.0.1:" + proxy.port()
                     + "/?serverSelectionTimeoutMS=1000&connectTimeoutMS=1000&socketTimeoutMS=2000");
             MongoClient direct = MongoClients.create(TestStack.mongoUri());
             Traffic traffic = new Traffic(topic, keysOnEveryPartition(run, flightsPerPartition))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
            traffic.awaitWritable();
            MongoDatabase store = viaProxy.getDatabase(database);
            MongoDatabase check = direct.getDatabase(database);
            PositionSink first = new PositionSink(clients, codec, firstMetrics, settings, store, group, topic);
            PositionSink second = new PositionSink(clients, codec, new PipelineMetrics(new SimpleMeterRegistry()),
                    settings, store, group, topic);
            first.start();
            try {
                traffic.tick();
                await().atMost(STEP).untilAsserted(() -> assertStoredOnce(check, run, traffic));

                proxy.down();
                long outageStart = System.nanoTime();
                traffic.keepArriving();
                await().atMost(STEP).until(() -> first.failure() != null);
                // While the store is unreachable the sink must never say it answers again.
                AtomicInteger saidUp = new AtomicInteger();
                ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor();
                watch.scheduleAtFixedRate(() -> {
                    if (first.failure() == null) {
                        saidUp.incrementAndGet();
                    }
                }, 0, 20, TimeUnit.MILLISECONDS);

                second.start();
                await().atMost(STEP).until(() -> members(admin, group) == 2);
                // The second sink found the store down too before it leaves; neither takes records meanwhile.
                await().atMost(STEP).until(() -> second.failure() != null);

                second.stop();
                await().atMost(STEP).until(() -> members(admin, group) == 1);
                // It retries with all partitions, having polled in between.
                long failures = firstMetrics.storeFailures.sum();
                await().atMost(STEP).until(() -> firstMetrics.storeFailures.sum() > failures);

                traffic.stop();
                watch.shutdownNow();
                assertThat(saidUp).as("samples in which the sink reported the unreachable store as answering").hasValue(0);
                proxy.up();
                long outageEnd = System.nanoTime();
                // The backlog of the whole outage is written once the store is back.
                await().atMost(Duration.ofSeconds(ChaosScale.of(90, 600))).pollInterval(Duration.ofMillis(500))
                        .until(() -> ChaosTraffic.Stored.of(ChaosTraffic.pointTimes(check, run)).distinct() >= traffic.acked());
                long caughtUp = System.nanoTime();

                Map<String, Number> extra = new LinkedHashMap<>();
                extra.put("flights", PARTITIONS * flightsPerPartition);
                extra.put("partitions", PARTITIONS);
                extra.put("outageSeconds", (outageEnd - outageStart) / 1_000_000_000L);
                extra.put("catchUpSecondsAfterOutage", (caughtUp - outageEnd) / 1_000_000_000L);
                new ChaosReport("store-outage-rebalance", ChaosTraffic.Stored.of(ChaosTraffic.pointTimes(check, run))
                        .figures(traffic.produced(), traffic.acked(), extra)).write();

                assertThat(traffic.failed).as("sends the broker did not acknowledge").hasValue(0);
                assertStoredOnce(check, run, traffic);
            } finally {
                second.stop();
                first.stop();
                check.drop();
            }
        }
    }

    /** Read back from the store: each flight's points, exactly those sent, each once. */
    private static void assertStoredOnce(MongoDatabase check, String run, Traffic traffic) {
        Map<String, List<Long>> stored = ChaosTraffic.pointTimes(check, run);
        assertThat(stored.keySet()).as("flights stored").containsExactlyInAnyOrderElementsOf(traffic.sent().keySet());
        for (Map.Entry<String, List<Long>> flight : traffic.sent().entrySet()) {
            assertThat(stored.get(flight.getKey())).as(flight.getKey())
                    .containsExactlyInAnyOrderElementsOf(flight.getValue());
        }
    }

    /** {@code perPartition} flights on each partition, as the producer's partitioner places them, so every partition carries traffic. */
    private static List<String> keysOnEveryPartition(String run, int perPartition) {
        int[] placed = new int[PARTITIONS];
        List<String> keys = new ArrayList<>();
        for (int n = 0; keys.size() < PARTITIONS * perPartition; n++) {
            String key = run + n;
            int partition = Topics.partitionOf(key, PARTITIONS);
            if (placed[partition] < perPartition) {
                placed[partition]++;
                keys.add(key);
            }
        }
        return keys;
    }

    /** Members of the group holding partitions, once the group settled. */
    private static int members(Admin admin, String group) throws Exception {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
        if (!"Stable".equalsIgnoreCase(description.groupState().toString())) {
            return -1;
        }
        int holding = 0;
        int partitions = 0;
        for (MemberDescription m : description.members()) {
            int n = m.assignment().topicPartitions().size();
            partitions += n;
            holding += n > 0 ? 1 : 0;
        }
        return partitions == PARTITIONS ? holding : -1;
    }

    /**
     * One point per flight every half second while it runs, as a feed goes on during an outage;
     * remembers the times of what the broker acknowledged.
     */
    private final class Traffic implements AutoCloseable {

        private final String topic;
        private final List<String> keys;
        private final long start = System.currentTimeMillis() - 600_000;
        private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final Map<String, List<Long>> sent = new ConcurrentHashMap<>();
        private final AtomicInteger acked = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        private int ticks;

        Traffic(String topic, List<String> keys) {
            this.topic = topic;
            this.keys = keys;
        }

        /** One point per flight, acknowledged (or failed) when this returns. */
        synchronized void tick() {
            long time = start + ticks++ * 1000L;
            for (String key : keys) {
                String raw = Canonical.json(key, time, 50.0 + ticks * 0.001, 8.0, 1000 + ticks * 200, "1000", "http");
                producer.send(new ProducerRecord<>(topic, key, validated(raw)), (meta, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                        return;
                    }
                    sent.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(time);
                    acked.incrementAndGet();
                });
            }
            producer.flush();
        }

        /**
         * A new topic's partition may answer its first writes before its leader is ready
         * (NOT_LEADER_OR_FOLLOWER, then out-of-order sequences for the batches behind them): one
         * probe per partition, under a key outside the drill's flights, is acknowledged first.
         */
        void awaitWritable() {
            for (int partition = 0; partition < PARTITIONS; partition++) {
                ProducerRecord<String, String> probe = new ProducerRecord<>(topic, partition, "PROBE" + partition,
                        validated(Canonical.json("PROBE" + partition, start, 50.0, 8.0, 1000, "1000", "http")));
                await().atMost(STEP).ignoreExceptions().until(() -> producer.send(probe).get() != null);
            }
        }

        /** A position as the validation stage writes it to the sink's topic. */
        private String validated(String raw) {
            Position position = codec.decodeRaw(raw.getBytes(StandardCharsets.UTF_8), Position.HTTP).position();
            return new String(codec.encode(position), StandardCharsets.UTF_8);
        }

        void keepArriving() {
            timer.scheduleAtFixedRate(this::tick, 0, 500, TimeUnit.MILLISECONDS);
        }

        void stop() throws InterruptedException {
            timer.shutdown();
            assertThat(timer.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        synchronized int produced() {
            return ticks * keys.size();
        }

        int acked() {
            return acked.get();
        }

        Map<String, List<Long>> sent() {
            return sent;
        }

        @Override
        public void close() throws InterruptedException {
            stop();
            producer.close();
        }
    }
}
