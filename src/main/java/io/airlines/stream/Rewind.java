package io.airlines.stream;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Where each partition must be read again after a failed step: its first record polled since the
 * loop last settled (committed, or otherwise made final). The consumer has already moved past every
 * polled record, so without going back a failure would skip them.
 */
final class Rewind {

    private final Map<TopicPartition, Long> firstUnsettled = new HashMap<>();

    void polled(ConsumerRecords<?, ?> records) {
        for (TopicPartition tp : records.partitions()) {
            firstUnsettled.putIfAbsent(tp, records.records(tp).get(0).offset());
        }
    }

    void settled() {
        firstUnsettled.clear();
    }

    /** Seeks every partition still assigned back to its first unsettled record. */
    void seekBack(Consumer<?, ?> consumer) {
        Set<TopicPartition> assigned = consumer.assignment();
        firstUnsettled.forEach((tp, offset) -> {
            if (assigned.contains(tp)) {
                consumer.seek(tp, offset);
            }
        });
        firstUnsettled.clear();
    }
}
