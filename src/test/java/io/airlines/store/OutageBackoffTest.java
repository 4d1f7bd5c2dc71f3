package io.airlines.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoTimeoutException;
import org.junit.jupiter.api.Test;

class OutageBackoffTest {

    private static final MongoTimeoutException TIMEOUT = new MongoTimeoutException("no server\nsecond line");

    @Test
    void retries_wait_one_second_doubling_up_to_thirty_and_start_over_once_the_store_answers() {
        OutageBackoff outage = new OutageBackoff();
        assertThat(outage.down()).isFalse();

        long now = 0;
        long[] waits = new long[7];
        for (int i = 0; i < waits.length; i++) {
            outage.failed(TIMEOUT, now);
            long wait = 0;
            while (!outage.retryDue(now + wait)) {
                wait += 500;
            }
            waits[i] = wait;
            now += wait;
        }
        assertThat(waits).containsExactly(1000, 2000, 4000, 8000, 16_000, 30_000, 30_000);
        assertThat(outage.down()).isTrue();

        outage.answered();
        assertThat(outage.down()).isFalse();
        assertThat(outage.failure()).isNull();
        outage.failed(TIMEOUT, now);
        assertThat(outage.retryDue(now + 999)).isFalse();
        assertThat(outage.retryDue(now + 1000)).isTrue();
    }

    @Test
    void the_failure_reported_is_the_exception_type_and_the_first_line_of_its_message() {
        OutageBackoff outage = new OutageBackoff();
        outage.failed(TIMEOUT, 0);

        assertThat(outage.failure()).isEqualTo("MongoTimeoutException: no server");
    }
}
