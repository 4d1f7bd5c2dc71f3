package io.airlines.stream;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records for {@code flights.positions.dlq}: the input as it was read, with the reason in header
 * {@code dlq.reason} and its origin in {@code dlq.topic}, {@code dlq.partition}, {@code dlq.offset}.
 */
public final class DeadLetters {

    public static final String REASON_HEADER = "dlq.reason";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {
    }

    /**
     * A record a sink's handler threw on ({@code expected} says what it should have been): logged,
     * counted as unhandled and, once the DLQ acknowledged it, as dead-lettered.
     */
    public static void unhandled(Producer<String, byte[]> producer, ConsumerRecord<String, byte[]> r,
                                 RuntimeException cause, String expected, PipelineMetrics metrics) {
        log.warn("{}-{}@{} is not {}, it goes to the DLQ: {}", r.topic(), r.partition(), r.offset(), expected,
                cause.toString());
        metrics.unhandled.increment();
        sendAndWait(producer, r, cause);
        metrics.dlq.increment();
    }

    public static ProducerRecord<String, byte[]> of(ConsumerRecord<String, byte[]> r, String reason) {
        return letter(r, r.value(), reason);
    }

    /**
     * Sends a record that could not be handled to the DLQ with the cause as its reason, and waits
     * for the broker: the caller commits the record's offset right after. A refusal is a
     * {@link KafkaException}, which makes a consumer loop read the record again.
     */
    public static void sendAndWait(Producer<String, byte[]> producer, ConsumerRecord<String, byte[]> r, RuntimeException cause) {
        try {
            producer.send(of(r, RecordIsolation.reason(cause))).get();
        } catch (ExecutionException e) {
            throw new KafkaException("dead letter not acknowledged", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    /**
     * The reason and origin without the input, for an input too large even for the DLQ: the
     * record stays in its topic until retention, and the trace says where.
     */
    static ProducerRecord<String, byte[]> traceOf(ConsumerRecord<String, byte[]> r, String reason) {
        return letter(r, null, reason);
    }

    private static ProducerRecord<String, byte[]> letter(ConsumerRecord<String, byte[]> r, byte[] value, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add("dlq.topic", r.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("dlq.partition", String.valueOf(r.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dlq.offset", String.valueOf(r.offset()).getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(Topics.POSITIONS_DLQ, null, r.key(), value, headers);
    }
}
