package io.airlines.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * How track documents are named and found. A flight's track is cut into buckets of a fixed time
 * span, {@code key|start}; a bucket is stored as one or more segment documents: the first is
 * named after the bucket, later ones {@code key|start|time of their first point}. Keys are
 * {@code [A-Za-z0-9_-]}, all below {@code |} and {@code |} below <code>}</code>, so one bucket's
 * segments, or one flight's buckets over a time, are one range of {@code _id}: a walk along the
 * {@code _id} index, in MongoDB as in the embedded store.
 */
public final class TrackIds {

    /** The collection of track documents. */
    public static final String COLLECTION = "positions";

    /** The first character after {@code |}: no segment name of a bucket reaches it. */
    private static final String AFTER_SEGMENTS = "}";

    private TrackIds() {
    }

    public static long startOf(long time, long spanMs) {
        return Math.floorDiv(time, spanMs) * spanMs;
    }

    public static String bucket(String key, long start) {
        return key + "|" + start;
    }

    static String segment(String bucket, long firstTime) {
        return bucket + "|" + firstTime;
    }

    /** The bucket a track document belongs to. */
    static String bucketOf(String documentId) {
        int bar = segmentBar(documentId);
        return bar < 0 ? documentId : documentId.substring(0, bar);
    }

    /** The order in which a bucket's segments were started: the bucket's own first, then by first point. */
    static long segmentOrder(String documentId) {
        int bar = segmentBar(documentId);
        return bar < 0 ? Long.MIN_VALUE : Long.parseLong(documentId.substring(bar + 1));
    }

    /** Where a later segment's name adds its first point to the bucket's ({@code key|start|}); -1 for the bucket's own. */
    private static int segmentBar(String documentId) {
        return documentId.indexOf('|', documentId.indexOf('|') + 1);
    }

    /** Every document of a flight's buckets that start from {@code firstStart} to {@code lastStart}. */
    public static Bson buckets(String key, long firstStart, long lastStart) {
        return idRange(bucket(key, firstStart), bucket(key, lastStart) + AFTER_SEGMENTS);
    }

    /** Every track document of a flight, whatever its time. */
    public static Bson flight(String key) {
        return idRange(key + "|", key + AFTER_SEGMENTS);
    }

    /** Every document of these buckets (ids as {@link #bucket} names them). */
    public static Bson anyOf(Collection<String> buckets) {
        List<Bson> ranges = new ArrayList<>(buckets.size());
        for (String b : buckets) {
            ranges.add(idRange(b, b + AFTER_SEGMENTS));
        }
        return Filters.or(ranges);
    }

    /**
     * {@code {_id: {$gte: from, $lt: to}}}, written out: {@code Filters.and} would render an
     * {@code $and} of two conditions, which MongoDB merges into one range but the embedded store's
     * index does not recognise.
     */
    private static Bson idRange(String from, String to) {
        return new Document("_id", new Document("$gte", from).append("$lt", to));
    }

    /** The id of the track document that holds a flight's point at {@code time}: tracks are read by it. */
    public static String bucketId(String key, long time, Duration bucketSpan) {
        return TrackIds.bucket(key, TrackIds.startOf(time, bucketSpan.toMillis()));
    }

    /** The times of a track document's points, in stored order: a point stored twice shows twice. */
    public static long[] pointTimes(Document trackDocument) {
        if (!(trackDocument.get("points") instanceof List<?> points)) {
            return new long[0];
        }
        long[] times = new long[points.size()];
        int n = 0;
        for (Object o : points) {
            if (o instanceof Document d && d.get("t") instanceof Number t) {
                times[n++] = t.longValue();
            }
        }
        return n == times.length ? times : Arrays.copyOf(times, n);
    }
}
