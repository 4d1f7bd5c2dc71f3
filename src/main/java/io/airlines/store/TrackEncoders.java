package io.airlines.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.airlines.stream.Position;
import org.bson.RawBsonDocument;

/**
 * The track buckets of some positions, encoded as the sink appends them by either of the two
 * encoders that write the same bytes: for the sink benchmark, which races them.
 */
public final class TrackEncoders {

    /** The sink's own ({@link TrackBson}) or the driver's {@code BsonBinaryWriter} ({@link DriverTrackBson}). */
    public enum Encoder {
        HAND, DRIVER
    }

    private final List<List<TrackPoint>> buckets;
    private final List<String> keys;
    private final int points;

    private TrackEncoders(List<String> keys, List<List<TrackPoint>> buckets, int points) {
        this.keys = keys;
        this.buckets = buckets;
        this.points = points;
    }

    /** Each flight's positions in buckets of at most {@code perBucket} points, in the order given. */
    public static TrackEncoders of(List<Position> positions, int perBucket) {
        Map<String, List<TrackPoint>> open = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        List<List<TrackPoint>> buckets = new ArrayList<>();
        for (Position p : positions) {
            List<TrackPoint> bucket = open.computeIfAbsent(p.key(), k -> new ArrayList<>());
            bucket.add(TrackPoint.of(p));
            if (bucket.size() == perBucket) {
                keys.add(p.key());
                buckets.add(open.remove(p.key()));
            }
        }
        open.forEach((key, bucket) -> {
            keys.add(key);
            buckets.add(bucket);
        });
        return new TrackEncoders(keys, buckets, positions.size());
    }

    public int points() {
        return points;
    }

    /** Encodes every bucket's append; returns the bytes written, which the caller uses so that no encoding is skipped. */
    public long encode(Encoder encoder) {
        long bytes = 0;
        for (int i = 0; i < buckets.size(); i++) {
            List<TrackPoint> bucket = buckets.get(i);
            long start = bucket.get(0).time();
            RawBsonDocument written = encoder == Encoder.HAND
                    ? TrackBson.append(keys.get(i), start, start + 300_000, bucket, false)
                    : DriverTrackBson.append(keys.get(i), start, start + 300_000, bucket, false);
            bytes += written.getByteBuffer().remaining();
        }
        return bytes;
    }
}
