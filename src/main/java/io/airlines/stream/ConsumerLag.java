package io.airlines.stream;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/** Records a consumer has yet to read on its assigned partitions. */
public final class ConsumerLag {

    private ConsumerLag() {
    }

    /** Sum over the assignment of end offset minus position; 0 when it cannot be known now. */
    public static long of(Consumer<?, ?> consumer) {
        try {
            long total = 0;
            for (Map.Entry<TopicPartition, Long> e : consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(2)).entrySet()) {
                total += Math.max(0, e.getValue() - consumer.position(e.getKey(), Duration.ofSeconds(2)));
            }
            return total;
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
