package io.airlines.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shared loop on Kafka's in-memory consumer, turned by hand on a clock of its own: a step
 * that writes what it polled to a dependency, commits and settles. While the dependency is down
 * the loop reads nothing, keeps polling and commits nothing; once it answers, the records come
 * again from the first one not written.
 */
class ConsumerLoopTest {

    private static final String TOPIC = "positions";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    private static final Set<TopicPartition> BOTH = Set.of(P0, P1);
    private static final long FIRST_HOLD_MS = 500;

    private final MockConsumer<String, byte[]> mock = new MockConsumer<>("earliest");
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final WritingLoop loop = new WritingLoop();

    /** Writes each poll's records to a dependency that may be down, then commits them. */
    private final class WritingLoop extends ConsumerLoop {

        final List<String> written = new ArrayList<>();
        final List<String> pending = new ArrayList<>();
        boolean dependencyDown;
        int steps;

        WritingLoop() {
            super("test-loop", now::get);
        }

        @Override
        protected void open() {
            consumer = mock;
            consumer.subscribe(List.of(TOPIC));
        }

        @Override
        protected void step() {
            steps++;
            ConsumerRecords<String, byte[]> records = poll(Duration.ZERO);
            records.forEach(r -> pending.add(r.partition() + "@" + r.offset()));
            if (records.isEmpty()) {
                return;
            }
            if (dependencyDown) {
                throw new IllegalStateException("dependency down");
            }
            written.addAll(pending);
            pending.clear();
            consumer.commitSync();
            settled();
        }

        @Override
        protected void rewound() {
            pending.clear();
        }
    }

    @BeforeEach
    void twoPartitionsTheFirstThreeRecordsOfEachCommitted() {
        loop.open();
        mock.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        mock.commitSync(Map.of(P0, new OffsetAndMetadata(3), P1, new OffsetAndMetadata(3)));
        mock.rebalance(List.of(P0, P1));
    }

    /**
     * What the broker returns from each partition's position up to {@code end}: the in-memory
     * consumer hands out each record added once, and a rebalance drops those not handed out.
     */
    private void fetch(long end) {
        for (TopicPartition p : mock.assignment()) {
            for (long offset = mock.position(p); offset < end; offset++) {
                mock.addRecord(new ConsumerRecord<>(TOPIC, p.partition(), offset, "key", new byte[0]));
            }
        }
    }

    /** Another member joins or leaves: every partition is revoked and assigned again, which resumes it. */
    private void rebalance() {
        mock.rebalance(List.of());
        mock.rebalance(List.of(P0, P1));
    }

    private Map<TopicPartition, Long> committed() {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        mock.committed(BOTH).forEach((p, o) -> offsets.put(p, o.offset()));
        return offsets;
    }

    private static List<String> records(long from, long to) {
        List<String> all = new ArrayList<>();
        for (int partition = 0; partition < 2; partition++) {
            for (long offset = from; offset < to; offset++) {
                all.add(partition + "@" + offset);
            }
        }
        return all;
    }

    @Test
    void while_a_dependency_is_down_the_loop_reads_nothing_yet_keeps_polling_and_a_rebalance_leaves_it_paused() {
        loop.dependencyDown = true;
        fetch(10);

        loop.turn();

        assertThat(loop.written).isEmpty();
        assertThat(mock.paused()).as("paused after the failed step").isEqualTo(BOTH);
        int steps = loop.steps;
        AtomicInteger polls = new AtomicInteger();
        mock.schedulePollTask(() -> {
            polls.incrementAndGet();
            rebalance();
            fetch(10);
        });
        mock.schedulePollTask(polls::incrementAndGet);

        loop.turn();
        loop.turn();

        assertThat(polls).as("polls while held").hasValue(2);
        assertThat(loop.steps).as("steps while held").isEqualTo(steps);
        assertThat(mock.paused()).as("paused again after the rebalance").isEqualTo(BOTH);
        assertThat(committed()).isEqualTo(Map.of(P0, 3L, P1, 3L));
        assertThat(mock.position(P0)).as("what the rebalance let through is read again").isEqualTo(3);
        assertThat(mock.position(P1)).isEqualTo(3);
    }

    @Test
    void once_the_hold_passes_the_records_come_again_from_the_first_not_written_and_are_committed_only_then() {
        fetch(10);
        loop.turn();
        assertThat(sorted(loop.written)).isEqualTo(sorted(records(3, 10)));
        assertThat(committed()).isEqualTo(Map.of(P0, 10L, P1, 10L));

        loop.dependencyDown = true;
        fetch(15);
        loop.turn();
        assertThat(committed()).as("nothing committed while the dependency is down").isEqualTo(Map.of(P0, 10L, P1, 10L));

        now.addAndGet(FIRST_HOLD_MS - 1);
        loop.turn();
        assertThat(mock.paused()).as("held for the first backoff").isEqualTo(BOTH);
        now.incrementAndGet();
        loop.turn();
        assertThat(mock.paused()).as("released once it passed").isEmpty();

        loop.dependencyDown = false;
        fetch(15);
        loop.turn();

        assertThat(sorted(loop.written)).isEqualTo(sorted(records(3, 15)));
        assertThat(committed()).isEqualTo(Map.of(P0, 15L, P1, 15L));
    }

    @Test
    void each_failure_in_a_row_doubles_the_hold_and_a_step_that_succeeds_starts_it_over() {
        loop.dependencyDown = true;
        assertThat(holdAfterFailure()).isEqualTo(500);
        assertThat(holdAfterFailure()).isEqualTo(1000);
        assertThat(holdAfterFailure()).isEqualTo(2000);

        loop.dependencyDown = false;
        fetch(10);
        loop.turn();
        loop.dependencyDown = true;

        assertThat(holdAfterFailure()).isEqualTo(500);
    }

    /** Fails a step, then measures in milliseconds how long the loop stays paused. */
    private long holdAfterFailure() {
        fetch(mock.position(P0) + 1);
        loop.turn();
        assertThat(mock.paused()).isEqualTo(BOTH);
        long held = 0;
        while (!mock.paused().isEmpty()) {
            now.addAndGet(100);
            held += 100;
            loop.turn();
        }
        return held;
    }

    private static List<String> sorted(List<String> records) {
        return records.stream().sorted().toList();
    }
}
