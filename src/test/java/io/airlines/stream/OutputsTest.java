package io.airlines.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class OutputsTest {

    private final PipelineMetrics metrics = new PipelineMetrics(new SimpleMeterRegistry());
    private final ConsumerRecord<String, byte[]> input = new ConsumerRecord<>(Topics.POSITIONS_RAW, 2, 41, "K1",
            "{\"key\":\"K1\"}".getBytes(StandardCharsets.UTF_8));
    private final ProducerRecord<String, byte[]> output = new ProducerRecord<>(Topics.POSITIONS, "K1",
            "validated".getBytes(StandardCharsets.UTF_8));

    @Test
    void a_send_that_failed_is_sent_again_and_counts_as_acknowledged_once_it_is() {
        FailingSends producer = sendAndAwait(new FailingSends(r -> r.topic().equals(Topics.POSITIONS), 2,
                new TimeoutException("no answer")));

        assertThat(producer.history()).containsExactly(output);
        assertThat(metrics.sendFailures.sum()).isEqualTo(2);
    }

    @Test
    void sends_still_failing_after_the_retries_fail_the_commit() {
        FailingSends producer = new FailingSends(r -> true, Integer.MAX_VALUE, new TimeoutException("no answer"));
        Outputs outputs = new Outputs(producer, metrics);
        outputs.send(input, output);

        assertThatThrownBy(outputs::awaitAcks).isInstanceOf(KafkaException.class).hasRootCauseMessage("no answer");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void an_output_too_large_for_the_broker_is_replaced_by_its_input_in_the_dlq() {
        FailingSends producer = sendAndAwait(new FailingSends(r -> r.topic().equals(Topics.POSITIONS), 1,
                new RecordTooLargeException("too big")));

        assertThat(producer.history()).singleElement().satisfies(dead -> {
            assertThat(dead.topic()).isEqualTo(Topics.POSITIONS_DLQ);
            assertThat(dead.value()).isEqualTo(input.value());
            assertThat(header(dead, "dlq.reason")).startsWith("output too large for flights.positions");
            assertThat(header(dead, "dlq.offset")).isEqualTo("41");
        });
    }

    @Test
    void an_input_too_large_even_for_the_dlq_leaves_its_reason_and_origin_there() {
        FailingSends producer = sendAndAwait(new FailingSends(r -> true, 2, new RecordTooLargeException("too big")));

        assertThat(producer.history()).singleElement().satisfies(trace -> {
            assertThat(trace.topic()).isEqualTo(Topics.POSITIONS_DLQ);
            assertThat(trace.value()).isNull();
            assertThat(header(trace, "dlq.reason")).startsWith("too large for the DLQ");
            assertThat(header(trace, "dlq.partition")).isEqualTo("2");
        });
    }

    /** Sends the output through {@code producer} and waits until everything is acknowledged. */
    private FailingSends sendAndAwait(FailingSends producer) {
        Outputs outputs = new Outputs(producer, metrics);
        outputs.send(input, output);
        outputs.awaitAcks();
        assertThat(outputs.pending()).isFalse();
        return producer;
    }

    private static String header(ProducerRecord<String, byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
