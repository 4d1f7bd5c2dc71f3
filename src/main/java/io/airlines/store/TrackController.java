package io.airlines.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import io.airlines.api.ApiParams;
import io.airlines.api.BadRequestException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A flight's stored track between two instants, read by {@code _id} (flight key and bucket
 * start), the one index every store serves fast.
 */
@RestController
class TrackController {

    static final long MAX_RANGE_MS = 8L * 24 * 3_600_000;

    private final MongoDatabase database;
    private final long spanMs;

    public TrackController(MongoDatabase database, StoreSettings settings) {
        this.database = database;
        this.spanMs = settings.bucketSpan().toMillis();
    }

    @GetMapping(path = "/api/v1/flights/{key}/track", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> track(@PathVariable String key, @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to) {
        long end = to == null ? System.currentTimeMillis() + 60_000 : ApiParams.instant("to", to);
        long start = from == null ? end - 24L * 3_600_000 : ApiParams.instant("from", from);
        if (start > end) {
            throw new BadRequestException("from", "from must be before to");
        }
        if (end - start > MAX_RANGE_MS) {
            throw new BadRequestException("from", "the range may not exceed 8 days");
        }
        var documents = database.getCollection(TrackIds.COLLECTION)
                .find(TrackIds.buckets(key, TrackIds.startOf(start, spanMs), TrackIds.startOf(end, spanMs)));
        List<TrackPoint> points = new ArrayList<>();
        for (TrackPoint p : TrackBucket.pointsOf(documents)) {
            if (p.time() >= start && p.time() <= end) {
                points.add(p);
            }
        }
        List<Map<String, Object>> out = new ArrayList<>(points.size());
        for (TrackPoint p : points) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("time", p.time());
            m.put("lat", p.lat());
            m.put("lon", p.lon());
            m.put("altitude", p.altitude());
            m.put("speed", p.speed());
            m.put("track", p.track());
            out.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", key);
        body.put("points", out);
        return body;
    }
}
