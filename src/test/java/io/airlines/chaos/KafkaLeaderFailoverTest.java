package io.airlines.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.airlines.support.KafkaCluster;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Three brokers, replication 3, min.insync.replicas 2, an idempotent producer with acks=all: the
 * leader of a busy partition dies mid-stream and comes back. Every acknowledged record must be in
 * the log exactly once, as read by a consumer that only sees committed data.
 */
class KafkaLeaderFailoverTest {

    private static final String TOPIC = "chaos.positions";
    private static final int PARTITIONS = 6;

    @Test
    void killing_the_leader_of_a_busy_partition_loses_and_duplicates_no_acknowledged_record() throws Exception {
        int total = ChaosScale.of(30_000, 1_000_000);
        try (KafkaCluster cluster = KafkaCluster.start(3)) {
            cluster.createTopic(TOPIC, PARTITIONS);
            BitSet acked = new BitSet(total);
            AtomicInteger ackedCount = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            AtomicBoolean producing = new AtomicBoolean(true);
            Thread producer = new Thread(() -> produce(cluster, total, acked, ackedCount, failed, producing), "chaos-producer");
            LogReader reader = new LogReader(cluster.bootstrapServers(), total);
            Thread consumer = new Thread(reader, "chaos-consumer");
            producer.start();
            consumer.start();

            await().atMost(Duration.ofSeconds(60)).until(() -> ackedCount.get() >= total / 3);
            int victim = cluster.leaderOf(TOPIC, 0);
            long stoppedAt = System.nanoTime();
            cluster.stopBroker(victim);
            int ackedAtKill = ackedCount.get();
            await().atMost(Duration.ofSeconds(90)).until(() -> cluster.leaderOf(TOPIC, 0) != victim);
            long failoverMillis = (System.nanoTime() - stoppedAt) / 1_000_000;
            await().atMost(Duration.ofSeconds(120)).until(() -> ackedCount.get() >= ackedAtKill + total / 4 || !producing.get());
            cluster.startBroker(victim);
            await().atMost(Duration.ofSeconds(120)).until(() -> cluster.inSyncReplicas(TOPIC, 0) == 3);
            producer.join(Duration.ofMinutes(10).toMillis());
            assertThat(producing.get()).isFalse();

            BitSet ackedSnapshot;
            synchronized (acked) {
                ackedSnapshot = (BitSet) acked.clone();
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> reader.seenAll(ackedSnapshot));
            reader.stop();
            consumer.join(30_000);

            BitSet lost = (BitSet) ackedSnapshot.clone();
            lost.andNot(reader.seen());
            Map<String, Number> figures = new LinkedHashMap<>();
            figures.put("produced", total);
            figures.put("acknowledged", ackedSnapshot.cardinality());
            figures.put("notAcknowledged", failed.get());
            figures.put("consumedDistinct", reader.seen().cardinality());
            figures.put("redelivered", reader.redelivered());
            figures.put("duplicated", reader.duplicatedInLog());
            figures.put("lost", lost.cardinality());
            figures.put("failoverMillis", failoverMillis);
            new ChaosReport("kafka-leader-failover", figures).write();

            assertThat(lost.cardinality()).as("acknowledged records lost").isZero();
            assertThat(reader.duplicatedInLog()).as("records written twice").isZero();
            assertThat(ackedSnapshot.cardinality()).isGreaterThan(total * 9 / 10);
        }
    }

    private static void produce(KafkaCluster cluster, int total, BitSet acked, AtomicInteger ackedCount,
                                AtomicInteger failed, AtomicBoolean producing) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int seq = 0; seq < total; seq++) {
                int n = seq;
                // Keys spread flights over partitions the way the pipeline keys by flight.
                producer.send(new ProducerRecord<>(TOPIC, "flight-" + (seq % 997), String.valueOf(seq)), (meta, error) -> {
                    if (error == null) {
                        synchronized (acked) {
                            acked.set(n);
                        }
                        ackedCount.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                });
            }
            producer.flush();
        } finally {
            producing.set(false);
        }
    }

    /** Reads the topic with read-committed isolation, committing after each batch it has counted. */
    static final class LogReader implements Runnable {
        private final String bootstrap;
        private final BitSet seen;
        private final Map<Integer, String> firstPlace = new HashMap<>();
        private volatile boolean running = true;
        private int redelivered;
        private int duplicated;

        LogReader(String bootstrap, int total) {
            this.bootstrap = bootstrap;
            this.seen = new BitSet(total);
        }

        @Override
        public void run() {
            Map<String, Object> config = Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "chaos-reader",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(TOPIC));
                while (running) {
                    var records = consumer.poll(Duration.ofMillis(200));
                    for (ConsumerRecord<String, String> r : records) {
                        count(Integer.parseInt(r.value()), r.partition() + "@" + r.offset());
                    }
                    if (!records.isEmpty()) {
                        try {
                            consumer.commitSync(Duration.ofSeconds(10));
                        } catch (RuntimeException e) {
                            // a failed commit means redelivery after the next rebalance: counted, not lost
                        }
                    }
                }
            }
        }

        private synchronized void count(int seq, String place) {
            String first = firstPlace.putIfAbsent(seq, place);
            if (first == null) {
                seen.set(seq);
            } else if (first.equals(place)) {
                redelivered++;
            } else {
                duplicated++;
            }
        }

        synchronized boolean seenAll(BitSet wanted) {
            BitSet missing = (BitSet) wanted.clone();
            missing.andNot(seen);
            return missing.isEmpty();
        }

        synchronized BitSet seen() {
            return (BitSet) seen.clone();
        }

        synchronized int redelivered() {
            return redelivered;
        }

        synchronized int duplicatedInLog() {
            return duplicated;
        }

        void stop() {
            running = false;
        }
    }
}
