package io.airlines.store;

import java.util.List;

import org.bson.RawBsonDocument;

/**
 * The sink's writes to track documents as BSON bytes, written directly: the driver sends a raw
 * document as it is. Kept by hand because {@code bench sink} (its "BSON encoding" rows) shows the
 * driver's {@code BsonBinaryWriter}, writing the same bytes ({@link DriverTrackBson}), taking more
 * than twice as long per point, CPU the sink takes from the store it shares the machine with. The
 * bytes are those the driver writes for the same {@code Document} ({@code TrackBsonTest}).
 */
final class TrackBson {

    private TrackBson() {
    }

    /** Room for the fields around the points and about as many bytes as the points take. */
    private static BsonOut sizedFor(List<TrackPoint> points) {
        return new BsonOut(128 + points.size() * 96);
    }

    /** A new segment: {@code {_id, key, start, end, points: [...], count}}. */
    static RawBsonDocument segment(String id, String key, long start, long end, List<TrackPoint> points) {
        BsonOut out = sizedFor(points);
        int doc = out.startDocument();
        out.string("_id", id);
        bucketFields(out, key, start, end);
        points(out, "points", points);
        out.int32("count", points.size());
        out.end(doc);
        return out.toDocument();
    }

    /**
     * Points appended to a segment, created when it is gone:
     * {@code {$setOnInsert: {key, start, end}, $push: {points: {$each: [...], $sort: {t: 1}}}, $inc: {count}}},
     * {@code $sort} only when asked for.
     */
    static RawBsonDocument append(String key, long start, long end, List<TrackPoint> points, boolean sort) {
        BsonOut out = sizedFor(points);
        int doc = out.startDocument();
        int setOnInsert = out.startDocument(BsonOut.DOCUMENT, "$setOnInsert");
        bucketFields(out, key, start, end);
        out.end(setOnInsert);
        int push = out.startDocument(BsonOut.DOCUMENT, "$push");
        int each = out.startDocument(BsonOut.DOCUMENT, "points");
        points(out, "$each", points);
        if (sort) {
            int order = out.startDocument(BsonOut.DOCUMENT, "$sort");
            out.int32("t", 1);
            out.end(order);
        }
        out.end(each);
        out.end(push);
        int inc = out.startDocument(BsonOut.DOCUMENT, "$inc");
        out.int32("count", points.size());
        out.end(inc);
        out.end(doc);
        return out.toDocument();
    }

    private static void bucketFields(BsonOut out, String key, long start, long end) {
        out.string("key", key);
        out.date("start", start);
        out.date("end", end);
    }

    /** A point's fields, {@code t, lat, lon} and those it has of {@code alt, spd, trk, vr, sq, gnd}, as {@link TrackPoint#fromDocument} reads them. */
    private static void points(BsonOut out, String name, List<TrackPoint> points) {
        int array = out.startDocument(BsonOut.ARRAY, name);
        for (int i = 0; i < points.size(); i++) {
            TrackPoint p = points.get(i);
            int point = out.startDocument(BsonOut.DOCUMENT, Integer.toString(i));
            out.int64("t", p.time());
            out.dbl("lat", p.lat());
            out.dbl("lon", p.lon());
            dblIfSet(out, "alt", p.altitude());
            dblIfSet(out, "spd", p.speed());
            dblIfSet(out, "trk", p.track());
            dblIfSet(out, "vr", p.verticalRate());
            if (p.squawk() != null) {
                out.string("sq", p.squawk());
            }
            if (p.onGround()) {
                out.bool("gnd", true);
            }
            out.end(point);
        }
        out.end(array);
    }

    private static void dblIfSet(BsonOut out, String name, Double value) {
        if (value != null) {
            out.dbl(name, value);
        }
    }
}
