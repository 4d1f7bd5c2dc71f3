package io.airlines.stream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import io.airlines.support.TestStack;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A real producer on the test broker that fails the chosen records: the broker's answer is a
 * failure ({@link #unacknowledged}) or the send throws ({@link #throwing}); every other record is
 * sent as usual.
 */
final class FaultyProducer extends KafkaProducer<String, byte[]> {

    private final Predicate<ProducerRecord<String, byte[]>> chosen;
    private final RuntimeException thrown;
    private final AtomicInteger unacknowledged;

    private FaultyProducer(Predicate<ProducerRecord<String, byte[]>> chosen, RuntimeException thrown, int unacknowledged) {
        super(KafkaClients.producerConfig(TestStack.bootstrapServers(), "faulty"), new StringSerializer(), new ByteArraySerializer());
        this.chosen = chosen;
        this.thrown = thrown;
        this.unacknowledged = new AtomicInteger(unacknowledged);
    }

    /** The first {@code times} sends of chosen records are answered with a timeout. */
    static FaultyProducer unacknowledged(Predicate<ProducerRecord<String, byte[]>> chosen, int times) {
        return new FaultyProducer(chosen, null, times);
    }

    /** Every send of a chosen record throws {@code cause}. */
    static FaultyProducer throwing(Predicate<ProducerRecord<String, byte[]>> chosen, RuntimeException cause) {
        return new FaultyProducer(chosen, cause, 0);
    }

    /** Failures of {@link #unacknowledged} not yet used. */
    int unacknowledgedLeft() {
        return unacknowledged.get();
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
        if (chosen.test(record)) {
            if (thrown != null) {
                throw thrown;
            }
            if (unacknowledged.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                TimeoutException cause = new TimeoutException("injected: no acknowledgement");
                if (callback != null) {
                    callback.onCompletion(null, cause);
                }
                return CompletableFuture.failedFuture(cause);
            }
        }
        return super.send(record, callback);
    }
}
