package io.airlines.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoTimeoutException;
import org.junit.jupiter.api.Test;

class StoreOutageTest {

    private static final MongoTimeoutException TIMEOUT = new MongoTimeoutException("no server\nsecond line");

    @Test
    void the_store_is_down_from_a_failure_until_it_answers() {
        StoreOutage outage = new StoreOutage();
        assertThat(outage.down()).isFalse();

        outage.failed(TIMEOUT);
        outage.failed(TIMEOUT);
        assertThat(outage.down()).isTrue();

        outage.answered();
        assertThat(outage.down()).isFalse();
        assertThat(outage.failure()).isNull();
    }

    @Test
    void the_failure_reported_is_the_exception_type_and_the_first_line_of_its_message() {
        StoreOutage outage = new StoreOutage();
        outage.failed(TIMEOUT);

        assertThat(outage.failure()).isEqualTo("MongoTimeoutException: no server");
    }
}
