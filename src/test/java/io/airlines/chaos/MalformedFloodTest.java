package io.airlines.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoDatabase;
import io.airlines.stream.Topics;
import io.airlines.stream.ValidationPipeline;
import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import io.airlines.support.TestStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Hostile records mixed into good traffic on the running pipeline: every bad one must reach the
 * DLQ with its reason, every good one must be stored exactly once, and the pipeline must go on.
 */
class MalformedFloodTest extends IntegrationTest {

    @Autowired
    MongoDatabase database;

    @Test
    void every_malformed_record_reaches_the_dlq_with_a_reason_and_every_good_one_is_stored_once() {
        int good = ChaosScale.of(10_000, 100_000);
        int bad = ChaosScale.of(1_000, 10_000);
        ChaosTraffic traffic = ChaosTraffic.newRun("CF");
        String run = traffic.prefix();
        Random random = new Random(7);
        AtomicInteger badAcked = new AtomicInteger();
        AtomicInteger failed = traffic.failed;
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = ChaosTraffic.producer(TestStack.bootstrapServers())) {
            int perBad = good / bad;
            for (int b = 0; b < bad; b++) {
                traffic.sendGood(producer, Topics.POSITIONS_RAW, b * perBad, (b + 1) * perBad);
                producer.send(new ProducerRecord<>(Topics.POSITIONS_RAW, run + "-bad-" + b, ChaosTraffic.malformed(b, random)),
                        (meta, error) -> (error == null ? badAcked : failed).incrementAndGet());
            }
            traffic.sendGood(producer, Topics.POSITIONS_RAW, bad * perBad, good);
            producer.flush();
        }
        assertThat(failed.get()).isZero();

        Map<String, String> reasons = deadLetters(run, bad);
        await().atMost(Duration.ofSeconds(ChaosScale.of(90, 600))).pollInterval(Duration.ofSeconds(1))
                .until(() -> traffic.stored(database).distinct() >= traffic.acked.get());
        long seconds = Math.max(1, (System.nanoTime() - started) / 1_000_000_000L);
        ChaosTraffic.Stored stored = traffic.stored(database);

        Map<String, Number> extra = new LinkedHashMap<>();
        extra.put("producedMalformed", bad);
        extra.put("malformedAcknowledged", badAcked.get());
        extra.put("deadLettered", reasons.size());
        extra.put("distinctReasons", new HashSet<>(reasons.values()).size());
        extra.put("seconds", seconds);
        new ChaosReport("malformed-flood", stored.figures(traffic, good, extra)).write();

        assertThat(reasons).hasSize(bad);
        assertThat(reasons.values()).allSatisfy(reason -> assertThat(reason).isNotBlank());
        assertThat(new HashSet<>(reasons.values()).size()).isGreaterThan(10);
        assertThat(stored.distinct()).isEqualTo(traffic.acked.get()).isEqualTo(good);
        assertThat(stored.duplicated()).isZero();
        assertThat(Http.get(url("/actuator/health")).body()).endsWith("\"status\":\"UP\"}");
    }

    /** This run's DLQ records by key, with their reason; waits until all {@code expected} are there. */
    private static Map<String, String> deadLetters(String run, int expected) {
        Map<String, String> reasons = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "chaos-dlq-" + run,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.POSITIONS_DLQ));
            Set<String> prefix = Set.of(run + "-bad-");
            await().atMost(Duration.ofSeconds(ChaosScale.of(90, 600))).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    if (r.key() != null && prefix.stream().anyMatch(r.key()::startsWith)) {
                        Header reason = r.headers().lastHeader(ValidationPipeline.REASON_HEADER);
                        reasons.put(r.key(), reason == null ? "" : new String(reason.value(), StandardCharsets.UTF_8));
                    }
                }
                return reasons.size() >= expected;
            });
        }
        return reasons;
    }
}
