package io.airlines.store;

import java.util.List;

import org.bson.BsonBinaryWriter;
import org.bson.RawBsonDocument;
import org.bson.io.BasicOutputBuffer;

/**
 * The sink's writes to track documents through the driver's {@link BsonBinaryWriter}: the same
 * bytes as {@link TrackBson}, which the sink benchmark races against it.
 */
final class DriverTrackBson {

    private DriverTrackBson() {
    }

    /** A new segment: {@code {_id, key, start, end, points: [...], count}}. */
    static RawBsonDocument segment(String id, String key, long start, long end, List<TrackPoint> points) {
        BasicOutputBuffer buffer = new BasicOutputBuffer(128 + points.size() * 96);
        try (BsonBinaryWriter out = new BsonBinaryWriter(buffer)) {
            out.writeStartDocument();
            out.writeString("_id", id);
            bucketFields(out, key, start, end);
            points(out, "points", points);
            out.writeInt32("count", points.size());
            out.writeEndDocument();
        }
        return new RawBsonDocument(buffer.getInternalBuffer(), 0, buffer.getPosition());
    }

    /** Points appended to a segment, created when it is gone, as {@link TrackBson#append} writes them. */
    static RawBsonDocument append(String key, long start, long end, List<TrackPoint> points, boolean sort) {
        BasicOutputBuffer buffer = new BasicOutputBuffer(128 + points.size() * 96);
        try (BsonBinaryWriter out = new BsonBinaryWriter(buffer)) {
            out.writeStartDocument();
            out.writeStartDocument("$setOnInsert");
            bucketFields(out, key, start, end);
            out.writeEndDocument();
            out.writeStartDocument("$push");
            out.writeStartDocument("points");
            points(out, "$each", points);
            if (sort) {
                out.writeStartDocument("$sort");
                out.writeInt32("t", 1);
                out.writeEndDocument();
            }
            out.writeEndDocument();
            out.writeEndDocument();
            out.writeStartDocument("$inc");
            out.writeInt32("count", points.size());
            out.writeEndDocument();
            out.writeEndDocument();
        }
        return new RawBsonDocument(buffer.getInternalBuffer(), 0, buffer.getPosition());
    }

    private static void bucketFields(BsonBinaryWriter out, String key, long start, long end) {
        out.writeString("key", key);
        out.writeDateTime("start", start);
        out.writeDateTime("end", end);
    }

    private static void points(BsonBinaryWriter out, String name, List<TrackPoint> points) {
        out.writeStartArray(name);
        for (TrackPoint p : points) {
            out.writeStartDocument();
            out.writeInt64("t", p.time());
            out.writeDouble("lat", p.lat());
            out.writeDouble("lon", p.lon());
            doubleIfSet(out, "alt", p.altitude());
            doubleIfSet(out, "spd", p.speed());
            doubleIfSet(out, "trk", p.track());
            doubleIfSet(out, "vr", p.verticalRate());
            if (p.squawk() != null) {
                out.writeString("sq", p.squawk());
            }
            if (p.onGround()) {
                out.writeBoolean("gnd", true);
            }
            out.writeEndDocument();
        }
        out.writeEndArray();
    }

    private static void doubleIfSet(BsonBinaryWriter out, String name, Double value) {
        if (value != null) {
            out.writeDouble(name, value);
        }
    }
}
