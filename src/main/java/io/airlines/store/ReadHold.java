package io.airlines.store;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Keeps the sink's consumer from reading while the store is down, across rebalances, and makes
 * sure a record read but not kept is read again: the consumer goes back to it before any later
 * offset of its partition can be committed. A rebalance resumes every partition it assigns, so
 * the pause is laid again on each assignment.
 */
final class ReadHold {

    private final Consumer<?, ?> consumer;
    private final OutageBackoff outage;

    ReadHold(Consumer<?, ?> consumer, OutageBackoff outage) {
        this.consumer = consumer;
        this.outage = outage;
    }

    /** Newly assigned partitions are read from their committed offsets, and not at all while the store is down. */
    void assigned(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            // Without a committed offset the reset policy decides where reading starts.
            if (offset != null) {
                consumer.seek(partition, offset.offset());
            }
        }
        if (outage.down()) {
            consumer.pause(partitions);
        }
    }

    /** Stops reading: the store failed. */
    void hold() {
        consumer.pause(consumer.assignment());
    }

    /** Reads again: the store answers. */
    void release() {
        consumer.resume(consumer.assignment());
    }

    /** Records a poll returned while the sink cannot take them: each partition is read again from the first of them. */
    void putBack(ConsumerRecords<?, ?> records) {
        reread(records);
        hold();
    }

    /** Each partition of {@code records} is read again from the first of them. */
    void reread(ConsumerRecords<?, ?> records) {
        for (TopicPartition partition : records.partitions()) {
            consumer.seek(partition, records.records(partition).get(0).offset());
        }
    }

    /**
     * After a hand-over dropped records read but not written: the partitions this process keeps
     * are read again from the first of them (the revoked ones start from their committed offset
     * wherever they go next).
     */
    void rereadKept(Map<TopicPartition, Long> firstDropped, Collection<TopicPartition> revoked) {
        Set<TopicPartition> kept = new HashSet<>(consumer.assignment());
        kept.removeAll(revoked);
        for (Map.Entry<TopicPartition, Long> e : firstDropped.entrySet()) {
            if (kept.contains(e.getKey())) {
                consumer.seek(e.getKey(), e.getValue());
            }
        }
    }
}
