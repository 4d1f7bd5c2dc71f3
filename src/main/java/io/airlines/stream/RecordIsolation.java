package io.airlines.stream;

import com.mongodb.MongoException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Handles a poll's records one at a time so that a record that cannot be handled never takes the
 * rest of its poll with it: a record whose handling throws is tried again a few times, then given to
 * the caller's {@link Unhandled} (dead letter, or count and skip) and the next record goes on. A
 * failure of the broker or the store is no fault of the record: it is rethrown at once, and the
 * consumer loop reads the unsettled records again ({@link ConsumerLoop#rewound()}).
 * <p>
 * A handler may be called more than once for one record, so it must change nothing before the
 * point where it can no longer fail for the record's sake.
 */
public final class RecordIsolation {

    static final int ATTEMPTS = 3;

    private RecordIsolation() {
    }

    @FunctionalInterface
    public interface Handler {
        void handle(ConsumerRecord<String, byte[]> record);
    }

    @FunctionalInterface
    public interface Unhandled {
        void unhandled(ConsumerRecord<String, byte[]> record, RuntimeException cause);
    }

    public static void each(Iterable<ConsumerRecord<String, byte[]>> records, Handler handler, Unhandled unhandled) {
        for (ConsumerRecord<String, byte[]> r : records) {
            one(r, handler, unhandled);
        }
    }

    private static void one(ConsumerRecord<String, byte[]> r, Handler handler, Unhandled unhandled) {
        for (int attempt = 1; ; attempt++) {
            try {
                handler.handle(r);
                return;
            } catch (RuntimeException e) {
                if (infrastructure(e)) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    unhandled.unhandled(r, e);
                    return;
                }
            }
        }
    }

    static boolean infrastructure(RuntimeException e) {
        return e instanceof KafkaException || e instanceof MongoException;
    }

    /** The dead-letter reason of a record whose handling threw. */
    public static String reason(RuntimeException cause) {
        return "handling failed: " + cause;
    }
}
