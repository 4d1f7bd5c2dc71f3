package io.airlines.stream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A producer without a broker whose first {@code failures} sends of the chosen records are not acknowledged. */
final class FailingSends extends MockProducer<String, byte[]> {

    private final Predicate<ProducerRecord<String, byte[]>> chosen;
    private final RuntimeException cause;
    private int failures;

    FailingSends(Predicate<ProducerRecord<String, byte[]>> chosen, int failures, RuntimeException cause) {
        super(true, null, new StringSerializer(), new ByteArraySerializer());
        this.chosen = chosen;
        this.failures = failures;
        this.cause = cause;
    }

    @Override
    public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
        if (failures > 0 && chosen.test(record)) {
            failures--;
            if (callback != null) {
                callback.onCompletion(null, cause);
            }
            return CompletableFuture.failedFuture(cause);
        }
        return super.send(record, callback);
    }
}
