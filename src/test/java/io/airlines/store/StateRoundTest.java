package io.airlines.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.mongodb.client.model.ReplaceOneModel;
import io.airlines.stream.Position;
import org.bson.RawBsonDocument;
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
    void a_round_made_of_slices_writes_each_flight_once_in_key_order_then_waits_for_the_next_interval() {
        List<String> keys = List.of("4b1804", "3c6444", "a0f1b2", "3c4b26", "400a0e");
        keys.forEach(key -> round.offer(at(key, 50.0, 8.5, START)));
        assertThat(writeRound(START)).hasSize(5);
        keys.forEach(key -> round.offer(at(key, 50.1, 8.5, START + 10_000)));

        assertThat(writeSlice(START + 10_000, 2)).containsExactly("3c4b26", "3c6444");
        // A flight's newer record in the middle of the round changes nothing of its order.
        round.offer(at("3c4b26", 50.2, 8.5, START + 10_500));
        assertThat(writeSlice(START + 11_000, 2)).containsExactly("400a0e", "4b1804");
        assertThat(writeSlice(START + 12_000, 2)).containsExactly("a0f1b2");
        assertThat(writeSlice(START + 13_000, 2)).as("the next round starts an interval after").isEmpty();
        keys.forEach(key -> round.offer(at(key, 50.3, 8.5, START + 20_000)));
        assertThat(writeSlice(START + 20_000, 10)).containsExactly("3c4b26", "3c6444", "400a0e", "4b1804", "a0f1b2");
    }

    @Test
    void a_record_read_late_leaves_the_newer_state_pending() {
        round.offer(at("LATE", 50.0, 8.5, START + 2_000));
        round.offer(at("LATE", 51.0, 8.5, START + 1_000));

        StateRound.Writes writes = round.next(START + 2_000, Integer.MAX_VALUE);

        assertThat(writes.models()).singleElement().satisfies(w -> assertThat(
                ((ReplaceOneModel<RawBsonDocument>) w).getReplacement().getDouble("lat").getValue()).isEqualTo(50.0));
    }

    @Test
    void an_erased_aircraft_s_pending_state_is_not_written_and_its_written_one_is_forgotten() {
        round.offer(at("ERASED", 50.0, 8.5, START));
        round.offer(at("KEPT", 50.0, 8.5, START));
        writeRound(START);
        round.offer(at("ERASED", 50.1, 8.5, START + 10_000));
        round.offer(at("KEPT", 50.1, 8.5, START + 10_000));

        round.forget("ERASED");

        assertThat(writeRound(START + 10_000)).containsExactly("KEPT");
        round.offer(at("ERASED", 50.1, 8.5, START + 20_000));
        assertThat(writeSlice(START + 20_000, 0)).as("a first state again, nothing known of it").containsExactly("ERASED");
    }

    private List<String> writeRound(long now) {
        return writeSlice(now, Integer.MAX_VALUE);
    }

    private List<String> writeSlice(long now, int budget) {
        StateRound.Writes writes = round.next(now, budget);
        round.written(writes, now);
        List<String> ids = writes.models().stream()
                .map(w -> ((ReplaceOneModel<RawBsonDocument>) w).getReplacement().getString("_id").getValue()).toList();
        assertThat(writes.keys()).as("the keys the round marks written").isEqualTo(ids);
        return ids;
    }

    static Position at(String key, double lat, double lon, long time) {
        return Position.observed(key, "DLH1", lat, lon, 0.0, 0.0, null, null, null, true, "sim", time);
    }
}
