package io.airlines.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import org.springframework.stereotype.Component;

/**
 * A flight's stored points between two instants, as the API shows them, read by {@code _id}
 * (flight key and bucket start), the one index every store serves fast.
 */
@Component
public class TrackReader {

    private final MongoDatabase database;
    private final long spanMs;

    public TrackReader(MongoDatabase database, StoreSettings settings) {
        this.database = database;
        this.spanMs = settings.bucketSpan().toMillis();
    }

    /** The points from {@code start} to {@code end} (epoch ms, both included), in time order. */
    public List<Map<String, Object>> points(String key, long start, long end) {
        var documents = database.getCollection(TrackIds.COLLECTION)
                .find(TrackIds.buckets(key, TrackIds.startOf(start, spanMs), TrackIds.startOf(end, spanMs)));
        List<Map<String, Object>> out = new ArrayList<>();
        for (TrackPoint p : TrackBucket.pointsOf(documents)) {
            if (p.time() >= start && p.time() <= end) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("time", p.time());
                m.put("lat", p.lat());
                m.put("lon", p.lon());
                m.put("altitude", p.altitude());
                m.put("speed", p.speed());
                m.put("track", p.track());
                out.add(m);
            }
        }
        return out;
    }
}
