package io.airlines.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.airlines.support.IntegrationTest;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

class UnacknowledgedSendIT extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void positions_whose_sends_keep_failing_are_read_again_and_reach_the_output_before_their_offsets_are_committed()
            throws Exception {
        String key = TestKafka.uniqueKey("UA");
        long t = System.currentTimeMillis() - 10_000;
        // Both positions fail their first send and both retries: the stage must go back to its last
        // commit, and the second, read again, must not meet the memory of its first reading.
        FaultyProducer producer = FaultyProducer.unacknowledged(
                r -> r.topic().equals(Topics.POSITIONS) && key.equals(r.key()), 2 * (Outputs.RETRIES + 1));
        try (ReplacedPipeline pipeline = new ReplacedPipeline(context, producer)) {
            List<RecordMetadata> sent = TestKafka.sendAndLocate(Topics.POSITIONS_RAW, key,
                    Canonical.json(key, t, 50.0, 8.0, 10000, "1000", "http"),
                    Canonical.json(key, t + 1000, 50.002, 8.0, 10000, "1000", "http"));
            RecordMetadata second = sent.get(1);

            await().atMost(Duration.ofSeconds(30)).until(() -> TestKafka.committed(ValidationPipeline.GROUP, second) > second.offset());

            List<String> written = TestKafka.readToEnd(Topics.POSITIONS).stream()
                    .filter(r -> key.equals(r.key())).map(TestKafka::value).toList();
            assertThat(written).anyMatch(v -> v.contains("\"time\":" + t));
            assertThat(written).anyMatch(v -> v.contains("\"time\":" + (t + 1000)));
            assertThat(producer.unacknowledgedLeft()).isZero();
            assertThat(pipeline.metrics.sendFailures.sum()).isGreaterThanOrEqualTo(Outputs.RETRIES + 1);
        }
    }
}
