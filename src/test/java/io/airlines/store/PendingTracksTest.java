package io.airlines.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import io.airlines.stream.Position;
import org.bson.Document;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;

/** Points turned into the track buckets the sink writes, without a broker or a store. */
class PendingTracksTest {

    private static final long SPAN = Duration.ofMinutes(5).toMillis();
    private static final long START = 1_800_000_000_000L;
    private final PendingTracks tracks = new PendingTracks(StateRoundTest.settings("full"));

    @Test
    void a_point_delivered_twice_waits_in_its_bucket_once() {
        assertThat(tracks.offer(at(START))).isEqualTo(PendingTracks.Outcome.KEPT);
        assertThat(tracks.offer(at(START))).isEqualTo(PendingTracks.Outcome.COPY);
        assertThat(tracks.offer(at(START + 1000))).isEqualTo(PendingTracks.Outcome.KEPT);

        assertThat(tracks.dirty()).hasSize(1);
    }

    @Test
    void buckets_are_written_in_order_of_flight_then_time_whatever_order_their_points_came_in() {
        List<String> flights = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            flights.add(String.format("%06x", i * 7919));
        }
        Collections.shuffle(flights, new Random(3));
        for (String flight : flights) {
            tracks.offer(StateRoundTest.at(flight, 50.0, 8.0, START + 3_600_000));
            tracks.offer(StateRoundTest.at(flight, 50.1, 8.0, START));
        }

        List<String> written = tracks.dirty().stream().map(b -> b.key + "|" + b.start).toList();
        assertThat(written).hasSize(100).isSortedAccordingTo(Comparator
                .comparing((String id) -> id.substring(0, id.indexOf('|')))
                .thenComparing(id -> Long.parseLong(id.substring(id.indexOf('|') + 1))));
    }

    @Test
    void points_read_again_after_a_failed_write_that_the_store_holds_count_as_written_by_that_write() {
        tracks.offer(at(START));
        tracks.offer(at(START + 1000));
        tracks.distrust();
        tracks.drop();

        tracks.offer(at(START));
        tracks.offer(at(START + 1000));

        TrackBucket bucket = tracks.dirty().get(0);
        assertThat(bucket.loaded).isFalse();
        assertThat(bucket.load(List.of(stored(START)))).isEqualTo(new TrackBucket.Reconciled(1, 0));
    }

    @Test
    void points_read_again_after_a_hand_over_that_the_store_holds_count_as_replayed_copies() {
        tracks.offer(at(START));
        tracks.drop();

        tracks.offer(at(START));

        assertThat(tracks.dirty().get(0).load(List.of(stored(START)))).isEqualTo(new TrackBucket.Reconciled(0, 1));
    }

    @Test
    void in_thinned_mode_a_point_dropped_unwritten_is_kept_again_when_it_comes_again() {
        PendingTracks thinned = new PendingTracks(StateRoundTest.settings("thinned"));
        assertThat(thinned.offer(at(START))).isEqualTo(PendingTracks.Outcome.KEPT);
        writeAll(thinned);
        assertThat(thinned.offer(at(START + 1000))).as("unchanged").isEqualTo(PendingTracks.Outcome.THINNED);
        assertThat(thinned.offer(StateRoundTest.at("other", 50.0, 8.0, START))).isEqualTo(PendingTracks.Outcome.KEPT);
        thinned.distrust();
        thinned.drop();

        assertThat(thinned.offer(at(START + 1000))).as("thinned as the first time").isEqualTo(PendingTracks.Outcome.THINNED);
        assertThat(thinned.offer(StateRoundTest.at("other", 50.0, 8.0, START))).isEqualTo(PendingTracks.Outcome.KEPT);
    }

    /** The write of every bucket with points waiting, acknowledged by a store that held none of them. */
    private static void writeAll(PendingTracks tracks) {
        for (TrackBucket b : tracks.dirty()) {
            b.load(List.of());
            b.write(SPAN, false);
        }
        tracks.written();
    }

    @Test
    void an_erased_aircraft_s_points_and_buckets_are_forgotten() {
        tracks.offer(at(START));
        tracks.offer(at(START + SPAN));
        tracks.offer(StateRoundTest.at("def", 50.0, 8.0, START));

        tracks.forget("abc");

        assertThat(tracks.dirty()).extracting(b -> b.key).containsExactly("def");
        assertThat(tracks.offer(at(START))).as("nothing known of it: not a copy").isEqualTo(PendingTracks.Outcome.KEPT);
    }

    private static Position at(long time) {
        return StateRoundTest.at("abc", 50.0, 8.0, time);
    }

    /** The bucket's segment as the store holds it, with the points at {@code times}. */
    private static Document stored(long... times) {
        long start = TrackIds.startOf(START, SPAN);
        List<TrackPoint> points = Arrays.stream(times).mapToObj(t -> TrackPoint.of(at(t))).toList();
        return TrackBson.segment(TrackIds.bucket("abc", start), "abc", start, start + SPAN, points).decode(new DocumentCodec());
    }
}
