package io.airlines.store;

import static io.airlines.store.TrackThinningTest.p;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

class TrackBucketTest {

    private static final long SPAN = 300_000;

    @Test
    void the_first_write_inserts_the_bucket_document_with_the_waiting_points_in_time_order() {
        TrackBucket bucket = new TrackBucket("abc", 0);
        bucket.load(List.of());
        assertThat(bucket.add(point(2000))).isTrue();
        assertThat(bucket.add(point(1000))).isTrue();
        assertThat(bucket.add(point(2000))).as("same time twice").isFalse();

        Document inserted = insert(bucket.write(SPAN, true));
        assertThat(inserted.getString("_id")).isEqualTo("abc|0");
        Document columns = inserted.get("points", Document.class);
        assertThat(columns.getList("t", Long.class)).containsExactly(1000L, 2000L);
        assertThat(columns.keySet()).containsExactly("t", "lat", "lon", "alt", "spd", "trk", "vr", "sq", "gnd");
        assertThat(columns.getList("sq", Object.class)).as("aligned: a null where a point has no value")
                .containsExactly(null, null);
        assertThat(TrackBucket.pointsOf(List.of(inserted))).containsExactly(point(1000), point(2000));
        assertThat(inserted.get("count")).isEqualTo(2);
        assertThat(inserted.getString("key")).isEqualTo("abc");

        assertThat(bucket.written()).isEqualTo(2);
        assertThat(bucket.dirty()).isFalse();
        assertThat(bucket.add(point(1000))).as("stored already").isFalse();
    }

    @Test
    void caught_up_the_newest_segment_takes_appends_up_to_its_cap_then_a_segment_named_by_its_first_point_starts() {
        TrackBucket bucket = new TrackBucket("abc", 0);
        bucket.load(List.of());
        long t = 1000;
        bucket.add(point(t++));
        insert(bucket.write(SPAN, true));
        bucket.written();
        for (int stored = 1; stored < TrackBucket.SEGMENT_CAP; stored++) {
            bucket.add(point(t++));
            WriteModel<Document> write = bucket.write(SPAN, true);
            assertThat(((UpdateOneModel<Document>) write).getFilter().toBsonDocument().getString("_id").getValue())
                    .isEqualTo("abc|0");
            assertThat(pushed(write)).containsExactly(t - 1);
            assertThat(((UpdateOneModel<Document>) write).getOptions().isUpsert()).isTrue();
            bucket.written();
        }
        bucket.add(point(t));
        Document next = insert(bucket.write(SPAN, true));
        assertThat(next.getString("_id")).isEqualTo("abc|0|" + t);
        bucket.written();
        bucket.add(point(t + 1));
        assertThat(((UpdateOneModel<Document>) bucket.write(SPAN, true)).getFilter().toBsonDocument().getString("_id")
                .getValue()).as("the new segment takes the next appends").isEqualTo("abc|0|" + t);
    }

    @Test
    void at_saturation_an_append_is_taken_only_while_the_segment_is_small_or_the_write_at_least_as_large() {
        assertThat(TrackBucket.appends(0, 10, true)).as("no segment yet").isFalse();
        assertThat(TrackBucket.appends(60, 1, true)).isTrue();
        assertThat(TrackBucket.appends(64, 1, true)).as("full").isFalse();
        assertThat(TrackBucket.appends(10, 10, false)).as("would double the write's work").isFalse();
        assertThat(TrackBucket.appends(5, 20, false)).isTrue();
        assertThat(TrackBucket.appends(2, 2, false)).as("small").isTrue();
        assertThat(TrackBucket.appends(6, 2, false)).isTrue();
        assertThat(TrackBucket.appends(8, 2, false)).isFalse();
        assertThat(TrackBucket.appends(40, 30, false)).as("over the cap").isFalse();
    }

    @Test
    void a_point_older_than_a_stored_one_starts_a_segment_and_reads_come_back_in_time_order() {
        TrackBucket bucket = new TrackBucket("abc", 0);
        Document first = stored("abc|0", 1000, 3000);
        bucket.load(List.of(first));
        bucket.add(point(2000));
        Document late = insert(bucket.write(SPAN, true));
        assertThat(late.getString("_id")).isEqualTo("abc|0|2000");
        bucket.written();
        assertThat(bucket.add(point(2000))).isFalse();
        assertThat(bucket.add(point(3000))).isFalse();
        assertThat(TrackBucket.pointsOf(List.of(first, late))).extracting(TrackPoint::time).containsExactly(1000L, 2000L, 3000L);
    }

    @Test
    void a_segment_of_the_older_layout_a_document_per_point_is_read_and_left_as_it_is() {
        TrackBucket bucket = new TrackBucket("abc", 0);
        Document rows = new Document("_id", "abc|0").append("points", List.of(point(1000).toDocument(), point(2000).toDocument()));
        bucket.load(List.of(rows));
        assertThat(TrackColumns.times(rows)).containsExactly(1000L, 2000L);
        assertThat(TrackBucket.pointsOf(List.of(rows))).containsExactly(point(1000), point(2000));
        assertThat(bucket.add(point(2000))).as("stored in the older layout").isFalse();
        bucket.add(point(3000));
        assertThat(insert(bucket.write(SPAN, true)).getString("_id")).isEqualTo("abc|0|3000");
    }

    @Test
    void a_replayed_point_any_segment_holds_is_dropped_and_the_next_points_go_to_the_newest_segment() {
        TrackBucket bucket = new TrackBucket("abc", 0);
        bucket.add(point(2000));
        bucket.add(point(5000));
        bucket.add(point(6000));
        TrackBucket.Reconciled r = bucket.load(List.of(stored("abc|0|4000", 4000, 5000), stored("abc|0", 1000, 2000, 3000)));
        assertThat(r).isEqualTo(new TrackBucket.Reconciled(0, 2));
        WriteModel<Document> write = bucket.write(SPAN, true);
        assertThat(((UpdateOneModel<Document>) write).getFilter().toBsonDocument().getString("_id").getValue())
                .isEqualTo("abc|0|4000");
        assertThat(pushed(write)).containsExactly(6000L);
        assertThat(bucket.written()).isEqualTo(1);
        assertThat(bucket.add(point(1000))).isFalse();
    }

    @Test
    void after_a_failed_write_what_the_store_turns_out_to_hold_counts_as_written_by_it() {
        TrackBucket bucket = new TrackBucket("abc", 0);
        bucket.load(List.of());
        bucket.add(point(1000));
        bucket.add(point(2000));
        bucket.distrust();
        assertThat(bucket.loaded).isFalse();
        assertThat(bucket.load(List.of(stored("abc|0", 1000)))).isEqualTo(new TrackBucket.Reconciled(1, 0));
        assertThat(pushed(bucket.write(SPAN, false))).containsExactly(2000L);
        assertThat(bucket.written()).isEqualTo(1);
    }

    @Test
    void points_of_stored_segments_come_back_in_time_order_once_each() {
        List<TrackPoint> points = TrackBucket.pointsOf(List.of(stored("abc|0|2000", 3000, 2000), stored("abc|0", 3000, 1000)));
        assertThat(points).extracting(TrackPoint::time).containsExactly(1000L, 2000L, 3000L);
    }

    @Test
    void a_segment_belongs_to_its_bucket_and_the_bucket_document_comes_first() {
        assertThat(TrackIds.bucketOf("abc|300000|301000")).isEqualTo("abc|300000");
        assertThat(TrackIds.bucketOf("abc|300000")).isEqualTo("abc|300000");
        assertThat(TrackIds.segmentOrder("abc|300000")).isLessThan(TrackIds.segmentOrder("abc|300000|300000"));
    }

    private static TrackPoint point(long t) {
        return p(t, 1, 1, 1, 1, null, false);
    }

    private static Document stored(String id, long... times) {
        List<TrackPoint> points = new ArrayList<>();
        for (long t : times) {
            points.add(point(t));
        }
        return new Document("_id", id).append("points", TrackColumns.of(points));
    }

    private static Document insert(WriteModel<Document> write) {
        assertThat(write).isInstanceOf(InsertOneModel.class);
        return ((InsertOneModel<Document>) write).getDocument();
    }

    private static Document update(WriteModel<Document> write) {
        assertThat(write).isInstanceOf(UpdateOneModel.class);
        Bson update = ((UpdateOneModel<Document>) write).getUpdate();
        return (Document) update;
    }

    /** The times an append pushes; every column is pushed as many values. */
    private static List<Long> pushed(WriteModel<Document> write) {
        Document push = update(write).get("$push", Document.class);
        int n = push.get("points.t", Document.class).getList("$each", Long.class).size();
        assertThat(push.values()).allSatisfy(each -> assertThat(((Document) each).getList("$each", Object.class)).hasSize(n));
        assertThat(push).hasSize(9);
        return push.get("points.t", Document.class).getList("$each", Long.class);
    }
}
