package io.airlines.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.airlines.stream.Canonical;
import io.airlines.stream.KafkaClients;
import io.airlines.stream.PipelineMetrics;
import io.airlines.stream.PositionCodec;
import io.airlines.stream.TestKafka;
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
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * While the store is unreachable a second sink of the same group joins and then leaves: each time
 * the partitions move, and records keep arriving. A rebalance resumes every partition it assigns,
 * so a sink that did not pause them again would read records it cannot write and, once the store
 * is back, commit later offsets over them. Read back from the store: every point exactly once.
 */
class StoreOutageRebalanceTest extends IntegrationTest {

    private static final int PARTITIONS = 4;
    private static final int KEYS_PER_PARTITION = 2;

    @Autowired
    KafkaClients clients;
    @Autowired
    PositionCodec codec;

    @Test
    void a_sink_joining_and_leaving_the_group_while_the_store_is_down_loses_no_point_and_stores_none_twice() throws Exception {
        String topic = "sink-rebalance-" + UUID.randomUUID();
        String group = "sink-rebalance-" + UUID.randomUUID();
        String database = "airlines_rebalance_" + UUID.randomUUID().toString().substring(0, 8);
        StoreSettings settings = new StoreSettings("full", Duration.ofMinutes(5), Duration.ofMillis(300),
                Duration.ofSeconds(10), Duration.ofDays(7), Duration.ofHours(1), 200_000, Duration.ofMillis(100), 2);
        PipelineMetrics firstMetrics = new PipelineMetrics(new SimpleMeterRegistry());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers()));
             TcpProxy proxy = new TcpProxy(TestStack.MONGO_PORT);
             MongoClient viaProxy = StoreOutageTest.clientThrough(proxy);
             MongoClient direct = MongoClients.create(TestStack.mongoUri());
             Traffic traffic = new Traffic(topic, keysOnEveryPartition())) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
            MongoDatabase store = viaProxy.getDatabase(database);
            MongoDatabase check = direct.getDatabase(database);
            PositionSink first = new PositionSink(clients, codec, firstMetrics, settings, store, group, topic);
            PositionSink second = new PositionSink(clients, codec, new PipelineMetrics(new SimpleMeterRegistry()),
                    settings, store, group, topic);
            first.start();
            try {
                traffic.tick();
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertStoredOnce(check, traffic));

                proxy.down();
                traffic.keepArriving();
                await().atMost(Duration.ofSeconds(60)).until(() -> first.failure() != null);

                second.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> members(admin, group) == 2);
                // The first sink holds records read since the hand-over when the second one leaves.
                long received = firstMetrics.sinkReceived.sum();
                await().atMost(Duration.ofSeconds(60)).until(() -> firstMetrics.sinkReceived.sum() > received
                        && second.failure() != null);

                second.stop();
                await().atMost(Duration.ofSeconds(60)).until(() -> members(admin, group) == 1);
                // It retries with all partitions, having polled in between.
                long failures = firstMetrics.storeFailures.sum();
                await().atMost(Duration.ofSeconds(60)).until(() -> firstMetrics.storeFailures.sum() > failures);

                traffic.stop();
                proxy.up();
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertStoredOnce(check, traffic));
            } finally {
                second.stop();
                first.stop();
                check.drop();
            }
        }
    }

    /** Read back from the store: each flight's points, exactly those sent, each once. */
    private static void assertStoredOnce(MongoDatabase check, Traffic traffic) {
        for (Map.Entry<String, List<Long>> flight : traffic.sent().entrySet()) {
            assertThat(PositionStoreTest.storedTimes(check, flight.getKey())).as(flight.getKey())
                    .containsExactlyInAnyOrderElementsOf(flight.getValue());
        }
    }

    /** Two flights per partition, as the producer's partitioner places them, so every partition carries traffic. */
    private static List<String> keysOnEveryPartition() {
        int[] perPartition = new int[PARTITIONS];
        List<String> keys = new ArrayList<>();
        while (keys.size() < PARTITIONS * KEYS_PER_PARTITION) {
            String key = TestKafka.uniqueKey("RB");
            int partition = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
            if (perPartition[partition] < KEYS_PER_PARTITION) {
                perPartition[partition]++;
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
        private int ticks;

        Traffic(String topic, List<String> keys) {
            this.topic = topic;
            this.keys = keys;
        }

        /** One point per flight, acknowledged when this returns. */
        synchronized void tick() {
            long time = start + ticks++ * 1000L;
            for (String key : keys) {
                String raw = Canonical.json(key, time, 50.0 + ticks * 0.001, 8.0, 1000 + ticks * 200, "1000", "http");
                producer.send(new ProducerRecord<>(topic, key, SinkAccountingTest.validated(codec, raw)));
            }
            producer.flush();
            for (String key : keys) {
                sent.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(time);
            }
        }

        void keepArriving() {
            timer.scheduleAtFixedRate(this::tick, 0, 500, TimeUnit.MILLISECONDS);
        }

        void stop() throws InterruptedException {
            timer.shutdown();
            assertThat(timer.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
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
