package io.airlines.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class RecordIsolationTest {

    private final List<ConsumerRecord<String, byte[]>> poll = IntStream.range(0, 5)
            .mapToObj(i -> new ConsumerRecord<String, byte[]>("t", 0, i, "K" + i, new byte[0])).toList();

    @Test
    void a_record_that_keeps_throwing_is_handed_over_with_its_cause_and_the_rest_of_the_poll_is_handled() {
        Map<Long, Integer> attempts = new HashMap<>();
        List<Long> handled = new ArrayList<>();
        List<String> unhandled = new ArrayList<>();

        RecordIsolation.each(poll, r -> {
            attempts.merge(r.offset(), 1, Integer::sum);
            if (r.offset() == 1) {
                throw new IllegalStateException("cannot enrich");
            }
            handled.add(r.offset());
        }, (r, cause) -> unhandled.add(r.offset() + " " + RecordIsolation.reason(cause)));

        assertThat(handled).containsExactly(0L, 2L, 3L, 4L);
        assertThat(unhandled).containsExactly("1 handling failed: java.lang.IllegalStateException: cannot enrich");
        assertThat(attempts.get(1L)).isEqualTo(RecordIsolation.ATTEMPTS);
    }

    @Test
    void a_record_that_fails_once_is_handled_on_its_next_attempt() {
        List<Long> handled = new ArrayList<>();
        boolean[] failed = {false};

        RecordIsolation.each(poll, r -> {
            if (r.offset() == 2 && !failed[0]) {
                failed[0] = true;
                throw new IllegalStateException("passing");
            }
            handled.add(r.offset());
        }, (r, cause) -> {
            throw new AssertionError("handed over: " + r.offset());
        });

        assertThat(handled).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void a_broker_failure_is_no_fault_of_the_record_and_stops_the_poll_at_once() {
        List<Long> handled = new ArrayList<>();

        assertThatThrownBy(() -> RecordIsolation.each(poll, r -> {
            if (r.offset() == 2) {
                throw new TimeoutException("broker away");
            }
            handled.add(r.offset());
        }, (r, cause) -> {
            throw new AssertionError("handed over: " + r.offset());
        })).isInstanceOf(TimeoutException.class);

        assertThat(handled).containsExactly(0L, 1L);
    }
}
