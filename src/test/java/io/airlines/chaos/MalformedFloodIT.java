package io.airlines.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.mongodb.client.MongoDatabase;
import io.airlines.stream.TestKafka;
import io.airlines.stream.Topics;
import io.airlines.stream.ValidationPipeline;
import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import io.airlines.support.TestStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Hostile records mixed into good traffic on the running pipeline: every bad one must reach the
 * DLQ with its reason, every good one must be stored exactly once, and the pipeline must go on.
 */
class MalformedFloodIT extends IntegrationTest {

    @Autowired
    MongoDatabase database;

    @Test
    void every_malformed_record_reaches_the_dlq_once_with_a_reason_and_every_good_one_is_stored_once() throws Exception {
        int good = ChaosScale.of(10_000, 100_000);
        int bad = ChaosScale.of(1_000, 10_000);
        ChaosTraffic traffic = ChaosTraffic.newRun("CF");
        String run = traffic.prefix();
        Random random = new Random(7);
        Set<String> badOrigins = ConcurrentHashMap.newKeySet();
        AtomicInteger failed = traffic.failed;
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = ChaosTraffic.producer(TestStack.bootstrapServers())) {
            int perBad = good / bad;
            for (int b = 0; b < bad; b++) {
                traffic.sendGood(producer, Topics.POSITIONS_RAW, b * perBad, (b + 1) * perBad);
                producer.send(new ProducerRecord<>(Topics.POSITIONS_RAW, run + "-bad-" + b, ChaosTraffic.malformed(b, random)),
                        (meta, error) -> {
                            if (error == null) {
                                badOrigins.add(origin(meta.topic(), meta.partition(), meta.offset()));
                            } else {
                                failed.incrementAndGet();
                            }
                        });
            }
            traffic.sendGood(producer, Topics.POSITIONS_RAW, bad * perBad, good);
            producer.flush();
        }
        assertThat(failed.get()).isZero();

        Map<String, List<String>> copies = deadLetters(badOrigins);
        await().atMost(Duration.ofSeconds(ChaosScale.of(90, 600))).pollInterval(Duration.ofSeconds(1))
                .until(() -> traffic.stored(database).distinct() >= traffic.acked.get());
        long seconds = Math.max(1, (System.nanoTime() - started) / 1_000_000_000L);
        ChaosTraffic.Stored stored = traffic.stored(database);

        Map<String, Number> extra = new LinkedHashMap<>();
        extra.put("producedMalformed", bad);
        extra.put("malformedAcknowledged", badOrigins.size());
        extra.put("deadLettered", copies.values().stream().mapToInt(List::size).sum());
        extra.put("distinctReasons", reasons(copies).size());
        extra.put("seconds", seconds);
        new ChaosReport("malformed-flood", stored.figures(traffic, good, extra)).write();

        assertThat(badOrigins).hasSize(bad);
        assertThat(copies.keySet()).as("malformed records dead-lettered").isEqualTo(badOrigins);
        assertThat(copies).as("DLQ copies of each malformed record").allSatisfy((origin, reasons) -> assertThat(reasons).hasSize(1));
        assertThat(reasons(copies)).allSatisfy(reason -> assertThat(reason).isNotBlank()).hasSizeGreaterThan(10);
        assertThat(stored.distinct()).isEqualTo(traffic.acked.get()).isEqualTo(good);
        assertThat(stored.duplicated()).isZero();
        assertThat(Http.get(url("/actuator/health")).body()).endsWith("\"status\":\"UP\"}");
    }

    private static String origin(String topic, int partition, long offset) {
        return topic + "/" + partition + "@" + offset;
    }

    private static Set<String> reasons(Map<String, List<String>> copies) {
        return copies.values().stream().flatMap(List::stream).collect(Collectors.toSet());
    }

    /**
     * The reason of every DLQ copy of these records, by origin (the {@code dlq.topic},
     * {@code dlq.partition} and {@code dlq.offset} headers): a record dead-lettered twice has two.
     * Read once validation has committed all that was sent, so every copy is in the DLQ by then.
     */
    private static Map<String, List<String>> deadLetters(Set<String> origins) throws Exception {
        Map<TopicPartition, Long> sent = TestKafka.endOffsets(Topics.POSITIONS_RAW);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(ChaosScale.of(90, 600))).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(ValidationPipeline.GROUP)
                        .partitionsToOffsetAndMetadata().get();
                return sent.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() >= e.getValue());
            });
        }
        Map<String, List<String>> copies = new HashMap<>();
        TestKafka.readToEnd(TestStack.bootstrapServers(), Topics.POSITIONS_DLQ, r -> {
            String origin = origin(TestKafka.header(r, "dlq.topic"), Integer.parseInt(TestKafka.header(r, "dlq.partition")),
                    Long.parseLong(TestKafka.header(r, "dlq.offset")));
            if (origins.contains(origin)) {
                String reason = TestKafka.header(r, ValidationPipeline.REASON_HEADER);
                copies.computeIfAbsent(origin, o -> new ArrayList<>()).add(reason == null ? "" : reason);
            }
        });
        return copies;
    }
}
