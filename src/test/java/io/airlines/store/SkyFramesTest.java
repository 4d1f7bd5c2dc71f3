package io.airlines.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import io.airlines.stream.Position;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;

class SkyFramesTest {

    private static final long MINUTE = SkyFrames.MINUTE_MS;
    /** A minute's start, far from the clock used below. */
    private static final long M = 1_764_000_000_000L / MINUTE * MINUTE;
    /** The clock of a pipeline an hour behind: the records' own times decide. */
    private static final long LATER = M + 3_600_000;

    private final SkyFrames frames = new SkyFrames(null);

    private static Position at(String key, long time, double lon) {
        return Position.observed(key, null, 50.0, lon, 1000.0, 800.0, 90.0, 0.0, "1000", false, "sbs", time);
    }

    private static RawBsonDocument doc(WriteModel<RawBsonDocument> model) {
        return ((ReplaceOneModel<RawBsonDocument>) model).getReplacement();
    }

    /** Each row of a piece, by key. */
    private static Map<String, TrackPoint> rows(WriteModel<RawBsonDocument> model) {
        RawBsonDocument d = doc(model);
        Map<String, TrackPoint> rows = new HashMap<>();
        SkyFrameRows.decode(d.getBinary("rows").getData(), d.getDateTime("t").getValue(), rows::put);
        return rows;
    }

    private List<WriteModel<RawBsonDocument>> flush(long now) {
        SkyFrames.Writes writes = frames.next(now);
        frames.written(writes);
        return writes.models();
    }

    @Test
    void a_minute_is_written_once_its_partition_reached_past_it_with_each_aircraft_s_last_position() {
        frames.offer(3, 100, at("aaa111", M + 1_000, 8.0));
        frames.offer(3, 101, at("aaa111", M + 59_000, 8.5));
        frames.offer(3, 102, at("bbb222", M + 30_000, 9.0));
        frames.offer(3, 103, at("aaa111", M + 20_000, 7.0));
        frames.offer(3, 104, at("aaa111", M + MINUTE + SkyFrames.GRACE_MS - 1, 8.6));
        assertThat(flush(LATER)).as("within the grace of the next minute").isEmpty();

        frames.offer(3, 105, at("bbb222", M + MINUTE + SkyFrames.GRACE_MS, 9.5));
        List<WriteModel<RawBsonDocument>> written = flush(LATER);

        assertThat(written).hasSize(1);
        assertThat(doc(written.get(0)).getString("_id").getValue()).isEqualTo(M + "|3|100");
        assertThat(doc(written.get(0)).getInt32("n").getValue()).isEqualTo(2);
        Map<String, TrackPoint> rows = rows(written.get(0));
        assertThat(rows.get("aaa111").time()).as("the last of its minute, not the last read").isEqualTo(M + 59_000);
        assertThat(rows.get("aaa111").lon()).isEqualTo(8.5);
        assertThat(rows.get("bbb222").time()).isEqualTo(M + 30_000);
        assertThat(flush(LATER)).as("written once").isEmpty();
    }

    @Test
    void an_erased_aircraft_leaves_the_minutes_not_written_yet() {
        frames.offer(3, 100, at("aaa111", M + 1_000, 8.0));
        frames.offer(3, 101, at("bbb222", M + 2_000, 9.0));

        frames.forget("aaa111");
        frames.offer(3, 102, at("ccc333", M + MINUTE + SkyFrames.GRACE_MS, 9.5));
        List<WriteModel<RawBsonDocument>> written = flush(LATER);

        assertThat(written).hasSize(1);
        assertThat(rows(written.get(0))).containsOnlyKeys("bbb222");
    }

    @Test
    void partitions_go_on_their_own_and_the_clock_ends_the_minutes_of_a_quiet_partition() {
        frames.offer(0, 7, at("aaa111", M + 10_000, 8.0));
        frames.offer(1, 9, at("bbb222", M + 10_000, 9.0));
        frames.offer(1, 10, at("bbb222", M + 2 * MINUTE, 9.0));

        assertThat(flush(LATER)).extracting(m -> doc(m).getString("_id").getValue())
                .as("partition 0 has not reached past its minute").containsExactly(M + "|1|9");
        assertThat(flush(LATER + SkyFrames.QUIET_MS - 1)).as("partition 0 not quiet for long enough yet").isEmpty();
        assertThat(flush(LATER + SkyFrames.QUIET_MS)).extracting(m -> doc(m).getString("_id").getValue())
                .as("the clock ends the minutes of the quiet partition 0, and of 1 up to now")
                .containsExactlyInAnyOrder(M + "|0|7", (M + 2 * MINUTE) + "|1|10");
    }

    @Test
    void a_pipeline_behind_the_clock_writes_each_minute_once_its_records_passed_it() {
        long offset = 0;
        for (int second = 0; second < 60; second += 5) {
            frames.offer(4, offset++, at("k" + second, M + second * 1_000L, 8.0));
            assertThat(flush(LATER + second * 1_000L)).as("records still flowing into the minute at %d s", second).isEmpty();
        }
        frames.offer(4, offset, at("k60", M + MINUTE + SkyFrames.GRACE_MS, 8.0));

        List<WriteModel<RawBsonDocument>> written = flush(LATER + MINUTE);

        assertThat(written).hasSize(1);
        assertThat(doc(written.get(0)).getString("_id").getValue()).isEqualTo(M + "|4|0");
        assertThat(rows(written.get(0))).hasSize(12);
    }

    @Test
    void a_record_ahead_of_the_clock_does_not_end_the_minute_for_the_others() {
        frames.offer(5, 1, at("aaa111", M + 10_000, 8.0));
        frames.offer(5, 2, at("bbb222", M + 4 * MINUTE, 8.0));

        assertThat(flush(M + 30_000)).isEmpty();
        frames.offer(5, 3, at("ccc333", M + 50_000, 8.0));
        List<WriteModel<RawBsonDocument>> written = flush(M + MINUTE + SkyFrames.GRACE_MS);

        assertThat(written).hasSize(1);
        assertThat(rows(written.get(0))).containsOnlyKeys("aaa111", "ccc333");
    }

    @Test
    void a_record_late_for_a_written_minute_makes_a_piece_of_its_own_and_a_failed_write_is_offered_again() {
        frames.offer(2, 50, at("aaa111", M + 10_000, 8.0));
        frames.offer(2, 60, at("bbb222", M + MINUTE + SkyFrames.GRACE_MS, 8.0));
        assertThat(flush(LATER)).hasSize(1);
        frames.offer(2, 80, at("ccc333", M + 40_000, 3.0));

        SkyFrames.Writes failed = frames.next(LATER);
        SkyFrames.Writes again = frames.next(LATER);

        assertThat(again.models()).hasSize(1);
        assertThat(doc(again.models().get(0)).getString("_id").getValue()).isEqualTo(M + "|2|80");
        assertThat(rows(again.models().get(0))).containsOnlyKeys("ccc333");
        frames.written(again);
        assertThat(frames.next(LATER).models()).isEmpty();
        assertThat(failed.models()).hasSize(1);
    }

    @Test
    void a_whole_track_s_minutes_are_all_built_at_once_for_tools_the_last_one_included() {
        frames.offer(0, 0, at("aaa111", M + 10_000, 8.0));
        frames.offer(0, 1, at("aaa111", M + MINUTE + 10_000, 8.1));

        assertThat(TrackDocuments.skyMinutes(List.of(at("aaa111", M + 10_000, 8.0), at("aaa111", M + MINUTE + 10_000, 8.1))))
                .extracting(m -> doc(m).getString("_id").getValue()).containsExactly(M + "|0|0", (M + MINUTE) + "|0|1");
        assertThat(frames.all().models()).hasSize(2);
    }

    @Test
    void what_is_not_written_is_dropped_with_the_sink_s_pending_work() {
        frames.offer(0, 1, at("aaa111", M + 10_000, 8.0));
        frames.drop();

        assertThat(frames.next(M + 10 * MINUTE).models()).isEmpty();
    }
}
