package io.airlines.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.airlines.support.IntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

class UnhandledRecordIT extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void a_record_whose_handling_throws_goes_to_the_dlq_with_the_exception_and_the_rest_of_its_poll_is_processed() {
        String poison = TestKafka.uniqueKey("PZ");
        List<String> others = IntStream.range(0, 5).mapToObj(i -> TestKafka.uniqueKey("PG")).toList();
        long t = System.currentTimeMillis() - 10_000;
        String poisonJson = Canonical.json(poison, t, 50.0, 8.0, 10000, "1000", "http");
        List<String> batch = new ArrayList<>(List.of(poisonJson));
        others.forEach(k -> batch.add(Canonical.json(k, t, 49.0, 9.0, 10000, "1000", "http")));
        FaultyProducer producer = FaultyProducer.throwing(r -> r.topic().equals(Topics.POSITIONS) && poison.equals(r.key()),
                new IllegalArgumentException("injected: cannot be written"));

        try (ReplacedPipeline pipeline = new ReplacedPipeline(context, producer)) {
            // One key, one partition, one batch: the poison and the others arrive in the same poll.
            TestKafka.send(Topics.POSITIONS_RAW, "poison-" + UUID.randomUUID(), batch.toArray(String[]::new));

            ConsumerRecord<String, byte[]> dead = TestKafka.deadLetters(poisonJson::equals).get(0);
            assertThat(TestKafka.header(dead, ValidationPipeline.REASON_HEADER))
                    .isEqualTo("handling failed: java.lang.IllegalArgumentException: injected: cannot be written");
            assertThat(TestKafka.header(dead, "dlq.topic")).isEqualTo(Topics.POSITIONS_RAW);

            TestKafka.readUntil(Topics.POSITIONS, seen -> others.stream().allMatch(k -> seen.stream().anyMatch(r -> k.equals(r.key()))));
            assertThat(pipeline.metrics.unhandled.sum()).isEqualTo(1);
        }
    }
}
