package io.airlines.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.airlines.stream.Position;
import org.bson.BsonBinaryReader;
import org.bson.BsonType;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Every flight's position at a past instant: from the sky's minutes ({@link SkyFrameReader}) where
 * the sink wrote them, else from the stored tracks: the flights with points in
 * the hours around it ({@link TrackTimes}, one {@code _id} range an hour), then their buckets
 * around it (one {@code _id} range a flight, in chunks: the store matches each document it finds
 * against every range of a query), read as raw BSON with only the points' fields decoded. What
 * it costs is mostly the documents read, so a flight's neighbour buckets are read only when needed.
 */
@Component
public class TrackSky {

    private static final int RANGE_CHUNK = 100;

    private final MongoCollection<RawBsonDocument> positions;
    private final TrackTimes times;
    private final SkyFrameReader frames;
    private final long spanMs;

    public TrackSky(MongoDatabase database, TrackTimes times, SkyFrameReader frames, StoreSettings settings) {
        this.positions = database.getCollection(TrackIds.COLLECTION, RawBsonDocument.class);
        this.times = times;
        this.frames = frames;
        this.spanMs = settings.bucketSpan().toMillis();
    }

    /** The flights seen around {@code time}, each where it was then, in no particular order. */
    public List<Position> at(long time) {
        return frames.at(time).orElseGet(() -> fromTracks(time));
    }

    /**
     * From the tracks alone (data stored before the sink wrote minutes, or by another writer): the
     * bucket holding the instant is read for every flight; the buckets before (after) it only for
     * the flights it holds no point before (after) the instant of, when the gap allowed reaches them.
     */
    public List<Position> fromTracks(long time) {
        long from = time - SkyPoint.MAX_GAP_MS;
        long to = time + SkyPoint.MAX_GAP_MS;
        List<String> keys = new ArrayList<>(times.keys(from, to));
        Map<String, SkyPoint.Bracket> brackets = new HashMap<>(keys.size() * 2);
        long bucket = TrackIds.startOf(time, spanMs);
        read(keys, bucket, bucket, time, brackets);
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (String key : keys) {
            SkyPoint.Bracket b = brackets.get(key);
            if (b == null || !b.hasBefore()) {
                before.add(key);
            }
            if (b == null || !b.hasAfter()) {
                after.add(key);
            }
        }
        long first = TrackIds.startOf(from, spanMs);
        long last = TrackIds.startOf(to, spanMs);
        if (first < bucket) {
            read(before, first, bucket - spanMs, time, brackets);
        }
        if (last > bucket) {
            read(after, bucket + spanMs, last, time, brackets);
        }
        return SkyPoint.positionsAt(brackets, time);
    }

    /** The points of these flights' buckets from {@code firstStart} to {@code lastStart}, offered to their brackets. */
    private void read(List<String> keys, long firstStart, long lastStart, long time,
                      Map<String, SkyPoint.Bracket> brackets) {
        for (int i = 0; i < keys.size(); i += RANGE_CHUNK) {
            List<Bson> ranges = new ArrayList<>(RANGE_CHUNK);
            for (String key : keys.subList(i, Math.min(keys.size(), i + RANGE_CHUNK))) {
                ranges.add(TrackIds.buckets(key, firstStart, lastStart));
            }
            for (RawBsonDocument segment : positions.find(Filters.or(ranges))) {
                scan(segment, time, brackets);
            }
        }
    }

    /** Offers each point of a track document to its flight's bracket, decoding nothing else. */
    private static void scan(RawBsonDocument segment, long time, Map<String, SkyPoint.Bracket> brackets) {
        try (BsonBinaryReader reader = new BsonBinaryReader(segment.getByteBuffer().asNIO())) {
            reader.readStartDocument();
            SkyPoint.Bracket bracket = null;
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                String name = reader.readName();
                if (name.equals("_id")) {
                    String id = reader.readString();
                    bracket = brackets.computeIfAbsent(id.substring(0, id.indexOf('|')), k -> new SkyPoint.Bracket());
                } else if (name.equals("points") && bracket != null) {
                    reader.readStartArray();
                    // Inside an array the reader takes the elements' names itself.
                    while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                        bracket.offer(point(reader), time);
                    }
                    reader.readEndArray();
                } else {
                    reader.skipValue();
                }
            }
        }
    }

    /** One point as {@link TrackBson} writes it (numbers of any BSON kind, as other writers may store them). */
    private static TrackPoint point(BsonBinaryReader reader) {
        long t = 0;
        double lat = 0;
        double lon = 0;
        Double alt = null;
        Double spd = null;
        Double trk = null;
        Double vr = null;
        String squawk = null;
        boolean ground = false;
        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            String name = reader.readName();
            switch (name) {
                case "t" -> t = number(reader).longValue();
                case "lat" -> lat = number(reader);
                case "lon" -> lon = number(reader);
                case "alt" -> alt = number(reader);
                case "spd" -> spd = number(reader);
                case "trk" -> trk = number(reader);
                case "vr" -> vr = number(reader);
                case "sq" -> squawk = reader.getCurrentBsonType() == BsonType.STRING ? reader.readString() : skip(reader);
                case "gnd" -> ground = reader.getCurrentBsonType() == BsonType.BOOLEAN ? reader.readBoolean() : skip(reader) != null;
                default -> reader.skipValue();
            }
        }
        reader.readEndDocument();
        return new TrackPoint(t, lat, lon, alt, spd, trk, vr, squawk, ground);
    }

    private static Double number(BsonBinaryReader reader) {
        return switch (reader.getCurrentBsonType()) {
            case DOUBLE -> reader.readDouble();
            case INT32 -> (double) reader.readInt32();
            case INT64 -> (double) reader.readInt64();
            case DATE_TIME -> (double) reader.readDateTime();
            default -> {
                reader.skipValue();
                yield Double.NaN;
            }
        };
    }

    private static String skip(BsonBinaryReader reader) {
        reader.skipValue();
        return null;
    }
}
