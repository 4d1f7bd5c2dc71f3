package io.airlines.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FlightMemoryTest {

    private final FlightMemory memory = new FlightMemory();
    private final Position committed = at("A", 1000, 1000);

    private static Position at(String key, long time, long received) {
        return new Position(key, null, null, null, null, null, null, 50.0, 8.0, 10000.0, 800.0, 90.0, 0.0, null,
                false, "cruise", null, null, null, "http", time, received, null, null, null, null);
    }

    @BeforeEach
    void commitFlightA() {
        memory.accepted(committed);
        memory.checkpoint();
    }

    @Test
    void a_rollback_restores_every_flight_as_it_was_at_the_last_checkpoint() {
        memory.accepted(at("A", 2000, 2000));
        memory.accepted(at("B", 2000, 2000));
        memory.rollback();

        assertThat(memory.last("A")).isEqualTo(committed);
        assertThat(memory.last("B")).isNull();
    }

    @Test
    void a_rollback_forgets_signal_lost_reports_made_since_the_checkpoint_so_they_are_made_again() {
        assertThat(memory.newlySilent(20_000, 8_000)).extracting(Position::key).containsExactly("A");
        assertThat(memory.newlySilent(20_000, 8_000)).isEmpty();
        memory.rollback();

        assertThat(memory.newlySilent(20_000, 8_000)).extracting(Position::key).containsExactly("A");
    }

    @Test
    void a_rollback_brings_back_a_flight_forgotten_since_the_checkpoint() {
        memory.newlySilent(100_000, 8_000);
        assertThat(memory.last("A")).isNull();
        memory.rollback();

        assertThat(memory.last("A")).isEqualTo(committed);
    }
}
