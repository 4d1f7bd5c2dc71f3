package io.airlines.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

    private static final byte DOUBLE = 0x01;
    private static final byte STRING = 0x02;
    private static final byte DOCUMENT = 0x03;
    private static final byte ARRAY = 0x04;
    private static final byte BOOLEAN = 0x08;
    private static final byte DATE = 0x09;
    private static final byte INT32 = 0x10;
    private static final byte INT64 = 0x12;

    private byte[] buf;
    private int size;

    /** Room for the fields around the points and about as many bytes as the points take. */
    private TrackBson(int points) {
        buf = new byte[128 + points * 96];
    }

    /** A new segment: {@code {_id, key, start, end, points: [...], count}}. */
    static RawBsonDocument segment(String id, String key, long start, long end, List<TrackPoint> points) {
        TrackBson out = new TrackBson(points.size());
        int doc = out.startDocument();
        out.string("_id", id);
        out.bucketFields(key, start, end);
        out.points("points", points);
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
        TrackBson out = new TrackBson(points.size());
        int doc = out.startDocument();
        int setOnInsert = out.startDocument(DOCUMENT, "$setOnInsert");
        out.bucketFields(key, start, end);
        out.end(setOnInsert);
        int push = out.startDocument(DOCUMENT, "$push");
        int each = out.startDocument(DOCUMENT, "points");
        out.points("$each", points);
        if (sort) {
            int order = out.startDocument(DOCUMENT, "$sort");
            out.int32("t", 1);
            out.end(order);
        }
        out.end(each);
        out.end(push);
        int inc = out.startDocument(DOCUMENT, "$inc");
        out.int32("count", points.size());
        out.end(inc);
        out.end(doc);
        return out.toDocument();
    }

    private void bucketFields(String key, long start, long end) {
        string("key", key);
        date("start", start);
        date("end", end);
    }

    /** A point's fields, {@code t, lat, lon} and those it has of {@code alt, spd, trk, vr, sq, gnd}, as {@link TrackPoint#fromDocument} reads them. */
    private void points(String name, List<TrackPoint> points) {
        int array = startDocument(ARRAY, name);
        for (int i = 0; i < points.size(); i++) {
            TrackPoint p = points.get(i);
            int point = startDocument(DOCUMENT, Integer.toString(i));
            int64("t", p.time());
            dbl("lat", p.lat());
            dbl("lon", p.lon());
            dblIfSet("alt", p.altitude());
            dblIfSet("spd", p.speed());
            dblIfSet("trk", p.track());
            dblIfSet("vr", p.verticalRate());
            if (p.squawk() != null) {
                string("sq", p.squawk());
            }
            if (p.onGround()) {
                name(BOOLEAN, "gnd");
                put((byte) 1);
            }
            end(point);
        }
        end(array);
    }

    private int startDocument() {
        int at = size;
        int32Raw(0);
        return at;
    }

    private int startDocument(byte type, String name) {
        name(type, name);
        return startDocument();
    }

    /** Closes a document or array: its terminating zero, then its length where it started. */
    private void end(int at) {
        put((byte) 0);
        int length = size - at;
        buf[at] = (byte) length;
        buf[at + 1] = (byte) (length >>> 8);
        buf[at + 2] = (byte) (length >>> 16);
        buf[at + 3] = (byte) (length >>> 24);
    }

    private void string(String name, String value) {
        name(STRING, name);
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        int32Raw(utf8.length + 1);
        put(utf8);
        put((byte) 0);
    }

    private void date(String name, long millis) {
        name(DATE, name);
        int64Raw(millis);
    }

    private void int32(String name, int value) {
        name(INT32, name);
        int32Raw(value);
    }

    private void int64(String name, long value) {
        name(INT64, name);
        int64Raw(value);
    }

    private void dbl(String name, double value) {
        name(DOUBLE, name);
        int64Raw(Double.doubleToRawLongBits(value));
    }

    private void dblIfSet(String name, Double value) {
        if (value != null) {
            dbl(name, value);
        }
    }

    /** A type byte and a field name; names here are ASCII. */
    private void name(byte type, String name) {
        ensure(name.length() + 2);
        buf[size++] = type;
        for (int i = 0; i < name.length(); i++) {
            buf[size++] = (byte) name.charAt(i);
        }
        buf[size++] = 0;
    }

    private void int32Raw(int v) {
        ensure(4);
        buf[size++] = (byte) v;
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 24);
    }

    private void int64Raw(long v) {
        int32Raw((int) v);
        int32Raw((int) (v >>> 32));
    }

    private void put(byte b) {
        ensure(1);
        buf[size++] = b;
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }

    private RawBsonDocument toDocument() {
        return new RawBsonDocument(buf, 0, size);
    }
}
