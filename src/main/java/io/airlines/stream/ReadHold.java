package io.airlines.stream;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Keeps a loop's consumer from reading while its step fails (a dependency is down), for a backoff
 * that doubles with each failure up to a cap. The consumer goes on polling with its partitions
 * paused, so it stays in its group and a rebalance completes without waiting for it. A rebalance
 * resumes every partition it assigns: what a poll returns while held is sought back to, and every
 * partition is paused again, so nothing read meanwhile is skipped.
 */
final class ReadHold {

    static final long FIRST_BACKOFF_MS = 500;
    static final long MAX_BACKOFF_MS = 30_000;

    private long backoff = FIRST_BACKOFF_MS;
    /** When reading may start again; 0 while not held. */
    private long until;

    /** Stops reading until the backoff passed; returns the backoff. */
    long hold(Consumer<?, ?> consumer, long now) {
        consumer.pause(consumer.assignment());
        long wait = backoff;
        until = now + wait;
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
        return wait;
    }

    boolean held() {
        return until != 0;
    }

    /** How long the hold lasts from {@code now}; 0 once it passed. */
    long remaining(long now) {
        return Math.max(0, until - now);
    }

    /** Records a poll returned while held: each partition is read again from the first of them, and none is read meanwhile. */
    void putBack(Consumer<?, ?> consumer, ConsumerRecords<?, ?> records) {
        for (TopicPartition partition : records.partitions()) {
            consumer.seek(partition, records.records(partition).get(0).offset());
        }
        consumer.pause(consumer.assignment());
    }

    /** Reads again: the backoff passed. */
    void release(Consumer<?, ?> consumer) {
        until = 0;
        consumer.resume(consumer.assignment());
    }

    /** A step succeeded: the next failure waits the first backoff again. */
    void succeeded() {
        backoff = FIRST_BACKOFF_MS;
    }
}
