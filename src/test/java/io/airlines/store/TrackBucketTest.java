package io.airlines.store;

import static io.airlines.store.TrackThinningTest.p;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
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
        assertThat(inserted.getList("points", Document.class)).extracting(d -> d.get("t")).containsExactly(1000L, 2000L);
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
            WriteModel<RawBsonDocument> write = bucket.write(SPAN, true);
            assertThat(((UpdateOneModel<RawBsonDocument>) write).getFilter().toBsonDocument().getString("_id").getValue())
                    .isEqualTo("abc|0");
            assertThat(pushed(write)).extracting(d -> d.get("t")).containsExactly(t - 1);
            assertThat(((UpdateOneModel<RawBsonDocument>) write).getOptions().isUpsert()).isTrue();
            bucket.written();
        }
        bucket.add(point(t));
        Document next = insert(bucket.write(SPAN, true));
        assertThat(next.getString("_id")).isEqualTo("abc|0|" + t);
        bucket.written();
        bucket.add(point(t + 1));
        assertThat(((UpdateOneModel<RawBsonDocument>) bucket.write(SPAN, true)).getFilter().toBsonDocument().getString("_id")
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
    void a_point_older_than_a_stored_one_is_sorted_in() {
        TrackBucket bucket = new TrackBucket("abc", 0);
        bucket.load(List.of(stored("abc|0", 1000, 3000)));
        bucket.add(point(2000));
        Document push = update(bucket.write(SPAN, true)).get("$push", Document.class).get("points", Document.class);
        assertThat(push.get("$sort")).isEqualTo(new Document("t", 1));
        bucket.written();
        assertThat(bucket.add(point(2000))).isFalse();
        assertThat(bucket.add(point(3000))).isFalse();
    }

    @Test
    void a_replayed_point_any_segment_holds_is_dropped_and_the_next_points_go_to_the_newest_segment() {
        TrackBucket bucket = new TrackBucket("abc", 0);
        bucket.add(point(2000));
        bucket.add(point(5000));
        bucket.add(point(6000));
        TrackBucket.Reconciled r = bucket.load(List.of(stored("abc|0|4000", 4000, 5000), stored("abc|0", 1000, 2000, 3000)));
        assertThat(r).isEqualTo(new TrackBucket.Reconciled(0, 2));
        WriteModel<RawBsonDocument> write = bucket.write(SPAN, true);
        assertThat(((UpdateOneModel<RawBsonDocument>) write).getFilter().toBsonDocument().getString("_id").getValue())
                .isEqualTo("abc|0|4000");
        assertThat(pushed(write)).extracting(d -> d.get("t")).containsExactly(6000L);
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
        assertThat(pushed(bucket.write(SPAN, false))).extracting(d -> d.get("t")).containsExactly(2000L);
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
        return TrackBson.segment(id, "abc", 0, SPAN, points).decode(new DocumentCodec());
    }

    private static Document insert(WriteModel<RawBsonDocument> write) {
        assertThat(write).isInstanceOf(InsertOneModel.class);
        return ((InsertOneModel<RawBsonDocument>) write).getDocument().decode(new DocumentCodec());
    }

    private static Document update(WriteModel<RawBsonDocument> write) {
        assertThat(write).isInstanceOf(UpdateOneModel.class);
        Bson update = ((UpdateOneModel<RawBsonDocument>) write).getUpdate();
        return ((RawBsonDocument) update).decode(new DocumentCodec());
    }

    private static List<Document> pushed(WriteModel<RawBsonDocument> write) {
        return update(write).get("$push", Document.class).get("points", Document.class).getList("$each", Document.class);
    }
}
