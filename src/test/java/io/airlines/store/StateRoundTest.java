package io.airlines.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.mongodb.client.model.ReplaceOneModel;
import io.airlines.stream.Position;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class StateRoundTest {

    private static final long START = 1_800_000_000_000L;
    private final StateRound round = new StateRound(settings("thinned"));

    /** A sink's settings in {@code mode}, with five-minute buckets. */
    static StoreSettings settings(String mode) {
        return new StoreSettings(mode, Duration.ofMinutes(5), Duration.ofSeconds(2),
                Duration.ofSeconds(10), Duration.ofDays(7), Duration.ofHours(1), 50_000, Duration.ofMillis(5), 2);
    }

    @Test
    void a_parked_aircraft_is_rewritten_only_every_few_minutes_while_a_moving_one_each_round() {
        round.offer(at("PARKED", 50.0, 8.5, START));
        round.offer(at("MOVING", 50.0, 8.5, START));
        assertThat(writeRound(START)).containsExactlyInAnyOrder("PARKED", "MOVING");

        round.offer(at("PARKED", 50.0, 8.5, START + 10_000));
        round.offer(at("MOVING", 50.01, 8.5, START + 10_000));
        assertThat(writeRound(START + 10_000)).containsExactly("MOVING");

        long later = START + StateRound.STILL_REFRESH_MS;
        round.offer(at("PARKED", 50.0, 8.5, later));
        round.offer(at("MOVING", 50.02, 8.5, later));
        assertThat(writeRound(later)).containsExactlyInAnyOrder("PARKED", "MOVING");
    }

    @Test
    void a_parked_aircraft_that_changes_callsign_is_rewritten_at_once() {
        round.offer(at("PARKED", 50.0, 8.5, START));
        writeRound(START);
        round.offer(Position.observed("PARKED", "DLH2", 50.0, 8.5, 0.0, 0.0, null, null, null, true, "sim",
                START + 10_000));
        assertThat(writeRound(START + 10_000)).containsExactly("PARKED");
    }

    @Test
    void a_record_read_late_leaves_the_newer_state_pending() {
        round.offer(at("LATE", 50.0, 8.5, START + 2_000));
        round.offer(at("LATE", 51.0, 8.5, START + 1_000));

        StateRound.Writes writes = round.next(START + 2_000, Integer.MAX_VALUE);

        assertThat(writes.models()).singleElement().satisfies(w -> assertThat(
                ((ReplaceOneModel<Document>) w).getReplacement().get("lat")).isEqualTo(50.0));
    }

    private List<String> writeRound(long now) {
        StateRound.Writes writes = round.next(now, Integer.MAX_VALUE);
        round.written(writes, now);
        return writes.models().stream()
                .map(w -> (String) ((ReplaceOneModel<Document>) w).getReplacement().get("_id")).toList();
    }

    static Position at(String key, double lat, double lon, long time) {
        return Position.observed(key, "DLH1", lat, lon, 0.0, 0.0, null, null, null, true, "sim", time);
    }
}
