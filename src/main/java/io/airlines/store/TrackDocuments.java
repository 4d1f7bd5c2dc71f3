package io.airlines.store;

import java.util.List;

import com.mongodb.client.model.WriteModel;
import io.airlines.stream.Position;
import org.bson.RawBsonDocument;

/**
 * A bucket of a track as one segment document, the bytes the sink writes: for tools that fill a
 * store the way the pipeline would (benchmarks), without running the sink.
 */
public final class TrackDocuments {

    private TrackDocuments() {
    }

    /** The bucket of {@code key} starting at {@code start} holding {@code points} (in time order, all inside it). */
    public static RawBsonDocument bucket(String key, long start, long spanMs, List<Position> points) {
        return TrackBson.segment(TrackIds.bucket(key, start), key, start, start + spanMs,
                points.stream().map(TrackPoint::of).toList());
    }

    /**
     * The sky's minutes ({@link SkyFrames}) of these positions as the sink writes them, one piece
     * per minute (all in partition 0), every minute written.
     */
    public static List<WriteModel<RawBsonDocument>> skyMinutes(Iterable<Position> positions) {
        SkyFrames frames = new SkyFrames(null);
        long offset = 0;
        for (Position p : positions) {
            frames.offer(0, offset++, p);
        }
        return frames.all().models();
    }

    /** The entries of the time index ({@link TrackTimes}) that list that bucket, as the sink writes them. */
    public static List<WriteModel<RawBsonDocument>> timeEntries(String key, long start, long spanMs) {
        return TrackTimes.entries(key, start, start + spanMs);
    }
}
