package io.airlines.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RewindTest {

    private final TopicPartition p0 = new TopicPartition("t", 0);
    private final TopicPartition p1 = new TopicPartition("t", 1);
    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    private final Rewind rewind = new Rewind();

    RewindTest() {
        consumer.assign(List.of(p0, p1));
        consumer.updateBeginningOffsets(Map.of(p0, 0L, p1, 0L));
    }

    private void add(TopicPartition tp, long offset) {
        consumer.addRecord(new ConsumerRecord<>(tp.topic(), tp.partition(), offset, "k", new byte[0]));
    }

    @Test
    void each_partition_goes_back_to_its_first_record_polled_since_the_loop_last_settled() {
        add(p0, 0);
        add(p1, 0);
        rewind.polled(consumer.poll(Duration.ZERO));
        rewind.settled();
        add(p0, 1);
        add(p0, 2);
        rewind.polled(consumer.poll(Duration.ZERO));
        add(p0, 3);
        add(p1, 1);
        rewind.polled(consumer.poll(Duration.ZERO));

        rewind.seekBack(consumer);

        assertThat(consumer.position(p0)).isEqualTo(1);
        assertThat(consumer.position(p1)).isEqualTo(1);
    }

    @Test
    void nothing_moves_once_everything_polled_has_settled() {
        add(p0, 0);
        rewind.polled(consumer.poll(Duration.ZERO));
        rewind.settled();

        rewind.seekBack(consumer);

        assertThat(consumer.position(p0)).isEqualTo(1);
    }
}
