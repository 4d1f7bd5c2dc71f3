package io.airlines.store;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets the sink may commit: only those of records whose every point the store
 * acknowledged. Records read but not yet written are remembered by the first offset of each
 * partition, where reading must start again should they be dropped.
 */
final class OffsetLedger {

    /** Per partition, the first record read since the last acknowledged write. */
    private final Map<TopicPartition, Long> firstUnwritten = new HashMap<>();
    /** Per partition, the offset after the last record read. */
    private final Map<TopicPartition, OffsetAndMetadata> read = new HashMap<>();
    /** The offsets of everything written, by partition: every commit carries them all, so a failed one is made good by the next. */
    private final Map<TopicPartition, OffsetAndMetadata> written = new HashMap<>();

    void read(TopicPartition partition, long offset) {
        firstUnwritten.putIfAbsent(partition, offset);
        read.put(partition, new OffsetAndMetadata(offset + 1));
    }

    /**
     * The store acknowledged every record read so far: their offsets may be committed. Returns
     * whether that added anything to commit.
     */
    boolean written() {
        boolean added = !read.isEmpty();
        written.putAll(read);
        read.clear();
        firstUnwritten.clear();
        return added;
    }

    boolean hasCommittable() {
        return !written.isEmpty();
    }

    /** What a commit carries now: a copy, the ledger goes on changing while a commit is in flight. */
    Map<TopicPartition, OffsetAndMetadata> committable() {
        return new HashMap<>(written);
    }

    /**
     * Forgets everything (a hand-over): returns, per partition, the offset of the first record
     * read and not written, where the partition must be read again if this process keeps it.
     */
    Map<TopicPartition, Long> forget() {
        Map<TopicPartition, Long> rereadFrom = new HashMap<>(firstUnwritten);
        firstUnwritten.clear();
        read.clear();
        written.clear();
        return rereadFrom;
    }
}
