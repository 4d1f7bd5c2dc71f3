package io.airlines.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sends made since the last commit, each with the input it came from. {@code flush()} reports
 * no failure, so before a commit every send is checked: a failed one is sent again (with backoff),
 * an output the broker refuses as too large is replaced by its input's dead letter (which is why
 * the input is kept), and sends still failing after that fail the commit, so that no input offset
 * is ever committed past an output that was not written.
 */
final class Outputs {

    static final int RETRIES = 2;
    static final long BACKOFF_MS = 200;

    private static final Logger log = LoggerFactory.getLogger(Outputs.class);

    private final Producer<String, byte[]> producer;
    private final PipelineMetrics metrics;
    private List<Sent> sent = new ArrayList<>();

    private record Sent(ConsumerRecord<String, byte[]> input, ProducerRecord<String, byte[]> output,
                        Future<RecordMetadata> ack) {
    }

    Outputs(Producer<String, byte[]> producer, PipelineMetrics metrics) {
        this.producer = producer;
        this.metrics = metrics;
    }

    /** Sends an output of {@code input} (null for outputs of no input, e.g. a signal-lost event). */
    void send(ConsumerRecord<String, byte[]> input, ProducerRecord<String, byte[]> output) {
        sent.add(new Sent(input, output, producer.send(output)));
    }

    boolean pending() {
        return !sent.isEmpty();
    }

    /**
     * Returns once every output is acknowledged by the broker.
     *
     * @throws KafkaException when some are still not after the retries: nothing may be committed
     */
    void awaitAcks() {
        producer.flush();
        int retries = 0;
        while (true) {
            List<Failed> failed = failed();
            sent = new ArrayList<>();
            if (failed.isEmpty()) {
                return;
            }
            metrics.sendFailures.add(failed.size());
            boolean retriable = failed.stream().anyMatch(f -> !f.tooLarge());
            if (retriable && ++retries > RETRIES) {
                log.error("{} outputs not acknowledged after {} retries, nothing is committed: {}",
                        failed.size(), RETRIES, failed.get(0).cause().toString());
                throw new KafkaException("outputs not acknowledged", failed.get(0).cause());
            }
            if (retriable) {
                log.warn("{} outputs not acknowledged, sending them again: {}", failed.size(), failed.get(0).cause().toString());
                ConsumerLoop.pause(BACKOFF_MS * retries);
            }
            // One at a time: a batch holding an output over the topic's limit together with others
            // can fail as a whole (the producer splits and resends it until its delivery timeout);
            // sent alone, the culprit is refused at once and told apart.
            for (Failed f : failed) {
                again(f);
                producer.flush();
            }
        }
    }

    /** Forgets every send: the records they came from are about to be read again. */
    void forget() {
        sent = new ArrayList<>();
    }

    private record Failed(Sent sent, Throwable cause) {
        boolean tooLarge() {
            return cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException;
        }
    }

    private List<Failed> failed() {
        List<Failed> failed = new ArrayList<>();
        for (Sent s : sent) {
            try {
                s.ack().get();
            } catch (ExecutionException e) {
                failed.add(new Failed(s, e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptException(e);
            }
        }
        return failed;
    }

    /** Sends a failed output again, or what stands for it when it can never fit. */
    private void again(Failed f) {
        Sent s = f.sent();
        if (!f.tooLarge()) {
            send(s.input(), s.output());
        } else if (s.input() == null) {
            log.error("An output of no input record is too large for {} and is dropped: {}", s.output().topic(), f.cause().toString());
        } else if (Topics.POSITIONS_DLQ.equals(s.output().topic())) {
            send(s.input(), DeadLetters.traceOf(s.input(), "too large for the DLQ: " + f.cause().getMessage()));
        } else {
            log.warn("An output for {} is too large for {}, its input goes to the DLQ", s.output().key(), s.output().topic());
            if (Topics.POSITIONS.equals(s.output().topic())) {
                metrics.valid.decrement();
            }
            metrics.dlq.increment();
            send(s.input(), DeadLetters.of(s.input(), "output too large for " + s.output().topic() + ": " + f.cause().getMessage()));
        }
    }
}
