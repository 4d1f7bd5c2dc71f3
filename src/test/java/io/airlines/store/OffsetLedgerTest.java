package io.airlines.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetLedgerTest {

    private static final TopicPartition P0 = new TopicPartition("positions", 0);
    private static final TopicPartition P1 = new TopicPartition("positions", 1);

    @Test
    void only_the_offsets_of_written_records_are_committable() {
        OffsetLedger ledger = new OffsetLedger();
        ledger.read(P0, 10);
        ledger.read(P0, 11);

        assertThat(ledger.hasCommittable()).isFalse();
        assertThat(ledger.committable()).isEmpty();

        assertThat(ledger.written()).isTrue();
        assertThat(ledger.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(12)));

        ledger.read(P0, 12);
        ledger.read(P1, 4);
        assertThat(ledger.committable()).as("read, not yet written").isEqualTo(Map.of(P0, new OffsetAndMetadata(12)));
    }

    @Test
    void every_commit_carries_all_written_offsets_and_a_write_without_new_records_adds_none() {
        OffsetLedger ledger = new OffsetLedger();
        ledger.read(P0, 3);
        ledger.written();
        ledger.read(P1, 7);
        ledger.written();

        assertThat(ledger.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(4), P1, new OffsetAndMetadata(8)));
        assertThat(ledger.written()).isFalse();
        assertThat(ledger.hasCommittable()).isTrue();
    }

    @Test
    void forgetting_tells_where_each_partition_must_be_read_again_and_leaves_nothing_to_commit() {
        OffsetLedger ledger = new OffsetLedger();
        ledger.read(P0, 3);
        ledger.written();
        ledger.read(P0, 4);
        ledger.read(P0, 5);
        ledger.read(P1, 9);

        assertThat(ledger.forget()).isEqualTo(Map.of(P0, 4L, P1, 9L));
        assertThat(ledger.hasCommittable()).isFalse();
        assertThat(ledger.written()).isFalse();
        assertThat(ledger.forget()).isEmpty();
    }
}
