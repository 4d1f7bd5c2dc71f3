package io.airlines.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.MongoTimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sink's consumer during an outage, on Kafka's in-memory consumer: what it reads, from where. */
class ReadHoldTest {

    private static final String TOPIC = "positions";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    private static final long END = 10;

    private final MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
    private final OutageBackoff outage = new OutageBackoff();
    private final ReadHold reads = new ReadHold(consumer, outage);

    @BeforeEach
    void twoPartitionsOfTenRecordsTheFirstThreeCommitted() {
        consumer.subscribe(List.of(TOPIC), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                reads.assigned(partitions);
            }
        });
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.commitSync(Map.of(P0, new OffsetAndMetadata(3), P1, new OffsetAndMetadata(3)));
        consumer.rebalance(List.of(P0, P1));
    }

    /**
     * What the broker would return from here on: the in-memory consumer hands out each record
     * added once (and a rebalance drops those not handed out), so each partition's log of ten
     * records is added from its position on before the polls that should see it.
     */
    private void fetch() {
        for (TopicPartition p : consumer.assignment()) {
            for (long offset = consumer.position(p); offset < END; offset++) {
                consumer.addRecord(new ConsumerRecord<>(TOPIC, p.partition(), offset, "key", "value"));
            }
        }
    }

    private ConsumerRecords<String, String> poll() {
        return consumer.poll(Duration.ZERO);
    }

    /** Another member joins or leaves: every partition is revoked, then assigned again (the classic protocol). */
    private void rebalance() {
        consumer.rebalance(List.of());
        consumer.rebalance(List.of(P0, P1));
    }

    @Test
    void while_the_store_is_down_a_rebalance_leaves_the_partitions_paused_and_reading_resumes_at_the_committed_offsets() {
        outage.failed(new MongoTimeoutException("down"), 0);
        reads.hold();

        rebalance();
        fetch();

        assertThat(poll().isEmpty()).as("paused again after the rebalance").isTrue();
        outage.answered();
        reads.release();
        assertThat(firstOffsets(poll())).isEqualTo(Map.of(P0, 3L, P1, 3L));
    }

    @Test
    void newly_assigned_partitions_are_read_from_their_committed_offsets_and_not_paused_while_the_store_answers() {
        fetch();
        poll();

        rebalance();
        fetch();

        assertThat(firstOffsets(poll())).isEqualTo(Map.of(P0, 3L, P1, 3L));
    }

    @Test
    void records_put_back_are_read_again_from_the_first_one_once_released() {
        fetch();
        ConsumerRecords<String, String> polled = poll();
        assertThat(firstOffsets(polled)).isEqualTo(Map.of(P0, 3L, P1, 3L));

        reads.putBack(polled);
        fetch();

        assertThat(poll().isEmpty()).as("paused").isTrue();
        reads.release();
        ConsumerRecords<String, String> again = poll();
        assertThat(firstOffsets(again)).isEqualTo(Map.of(P0, 3L, P1, 3L));
        assertThat(again.count()).isEqualTo(polled.count()).isEqualTo(14);
    }

    @Test
    void after_a_hand_over_dropped_records_the_partitions_kept_are_read_again_from_the_first_dropped_one() {
        fetch();
        poll();

        reads.rereadKept(Map.of(P0, 5L, P1, 4L), List.of(P1));

        assertThat(consumer.position(P0)).isEqualTo(5);
        assertThat(consumer.position(P1)).as("revoked: its next owner starts from the committed offset").isEqualTo(10);
    }

    private static Map<TopicPartition, Long> firstOffsets(ConsumerRecords<String, String> records) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (TopicPartition p : records.partitions()) {
            first.put(p, records.records(p).get(0).offset());
        }
        return first;
    }
}
