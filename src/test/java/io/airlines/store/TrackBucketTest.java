package io.airlines.store;

import static io.airlines.store.TrackThinningTest.p;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

class TrackBucketTest {

    private static final long SPAN = 300_000;

    @Test
    void a_write_pushes_only_the_waiting_points_in_time_order_and_creates_the_document_when_absent() {
        TrackBucket bucket = new TrackBucket("abc", 0);
        bucket.load(null);
        assertThat(bucket.add(point(2000))).isTrue();
        assertThat(bucket.add(point(1000))).isTrue();
        assertThat(bucket.add(point(2000))).as("same time twice").isFalse();

        Document update = update(bucket.write(SPAN));
        Document push = update.get("$push", Document.class).get("points", Document.class);
        assertThat(push.getList("$each", Document.class)).extracting(d -> d.get("t")).containsExactly(1000L, 2000L);
        assertThat(push).doesNotContainKey("$sort");
        assertThat(update.get("$inc", Document.class).get("count")).isEqualTo(2);
        assertThat(update.get("$setOnInsert", Document.class).getString("key")).isEqualTo("abc");
        assertThat(((UpdateOneModel<Document>) bucket.write(SPAN)).getOptions().isUpsert()).isTrue();

        assertThat(bucket.written()).isEqualTo(2);
        assertThat(bucket.dirty()).isFalse();
        assertThat(bucket.add(point(1000))).as("stored already").isFalse();
        assertThat(bucket.add(point(3000))).isTrue();
        assertThat(update(bucket.write(SPAN)).get("$push", Document.class).get("points", Document.class)
                .getList("$each", Document.class)).extracting(d -> d.get("t")).containsExactly(3000L);
    }

    @Test
    void a_point_older_than_a_stored_one_is_sorted_in() {
        TrackBucket bucket = new TrackBucket("abc", 0);
        bucket.load(stored(1000, 3000));
        bucket.add(point(2000));
        Document push = update(bucket.write(SPAN)).get("$push", Document.class).get("points", Document.class);
        assertThat(push.get("$sort")).isEqualTo(new Document("t", 1));
        bucket.written();
        assertThat(bucket.add(point(2000))).isFalse();
        assertThat(bucket.add(point(3000))).isFalse();
    }

    @Test
    void a_replayed_point_the_store_holds_is_dropped_and_counted_as_replayed() {
        TrackBucket bucket = new TrackBucket("abc", 0);
        bucket.add(point(2000));
        bucket.add(point(4000));
        TrackBucket.Reconciled r = bucket.load(stored(1000, 2000, 3000));
        assertThat(r).isEqualTo(new TrackBucket.Reconciled(0, 1));
        assertThat(update(bucket.write(SPAN)).get("$push", Document.class).get("points", Document.class)
                .getList("$each", Document.class)).extracting(d -> d.get("t")).containsExactly(4000L);
        assertThat(bucket.written()).isEqualTo(1);
    }

    @Test
    void after_a_failed_write_what_the_store_turns_out_to_hold_counts_as_written_by_it() {
        TrackBucket bucket = new TrackBucket("abc", 0);
        bucket.load(null);
        bucket.add(point(1000));
        bucket.add(point(2000));
        bucket.distrust();
        assertThat(bucket.loaded).isFalse();
        assertThat(bucket.load(stored(1000))).isEqualTo(new TrackBucket.Reconciled(1, 0));
        assertThat(bucket.written()).isEqualTo(1);
    }

    @Test
    void points_of_a_stored_document_come_back_in_time_order_once_each() {
        List<TrackPoint> points = TrackBucket.pointsOf(stored(3000, 1000, 3000));
        assertThat(points).extracting(TrackPoint::time).containsExactly(1000L, 3000L);
    }

    private static TrackPoint point(long t) {
        return p(t, 1, 1, 1, 1, null, false);
    }

    private static Document stored(long... times) {
        List<Document> points = new java.util.ArrayList<>();
        for (long t : times) {
            points.add(point(t).toDocument());
        }
        return new Document("_id", "abc|0").append("points", points);
    }

    private static Document update(WriteModel<Document> write) {
        Bson update = ((UpdateOneModel<Document>) write).getUpdate();
        return (Document) update;
    }
}
