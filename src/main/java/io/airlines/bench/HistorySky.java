package io.airlines.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import io.airlines.flight.FlightLeg;
import io.airlines.store.StoreSettings;
import io.airlines.store.TrackDocuments;
import io.airlines.store.TrackIds;
import io.airlines.store.TrackSky;
import io.airlines.store.TrackTimes;
import io.airlines.stream.Position;
import org.bson.RawBsonDocument;

/**
 * The sky at an instant ({@code /api/v1/history/sky}) over a window of the day in which every
 * aircraft's track is stored, with the time index entries the sink writes beside its buckets:
 * p50/p99 of {@link TrackSky} at random instants inside the window.
 */
final class HistorySky {

    private static final long MINUTE = 60_000;
    /** The window stored: its middle is where the instants are drawn, its edges leave a gap's room. */
    private static final long WINDOW = 40 * MINUTE;
    private static final long MARGIN = 10 * MINUTE;
    private static final int BATCH = 1_000;

    record Result(long points, double loadSeconds, double meanAircraft, long[] nanos) {
    }

    private HistorySky() {
    }

    /**
     * Stores the window from {@code windowStart} for every leg flying in it (in a database of its
     * own: the legs' tracks stored elsewhere would collide), then times {@code samples} skies.
     */
    static Result run(HistoryDay day, List<FlightLeg> legs, MongoDatabase db, StoreSettings settings, long windowStart,
                      int samples, Random random) {
        long spanMs = settings.bucketSpan().toMillis();
        long windowEnd = windowStart + WINDOW;
        long start = System.nanoTime();
        long points = store(day, legs, db, spanMs, windowStart, windowEnd);
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        TrackSky sky = new TrackSky(db, new TrackTimes(db, settings), settings);
        int warmup = Math.min(5, samples);
        long[] nanos = new long[samples];
        long aircraft = 0;
        for (int i = -warmup; i < samples; i++) {
            long at = windowStart + MARGIN + (long) (random.nextDouble() * (WINDOW - 2 * MARGIN));
            long t0 = System.nanoTime();
            int n = sky.at(at).size();
            if (i >= 0) {
                nanos[i] = System.nanoTime() - t0;
                aircraft += n;
            }
        }
        return new Result(points, loadSeconds, (double) aircraft / samples, nanos);
    }

    private static long store(HistoryDay day, List<FlightLeg> legs, MongoDatabase db, long spanMs, long from, long to) {
        MongoCollection<RawBsonDocument> positions = db.getCollection(TrackIds.COLLECTION, RawBsonDocument.class);
        MongoCollection<RawBsonDocument> times = db.getCollection(TrackTimes.COLLECTION, RawBsonDocument.class);
        List<RawBsonDocument> buckets = new ArrayList<>();
        List<WriteModel<RawBsonDocument>> entries = new ArrayList<>();
        long points = 0;
        for (FlightLeg leg : legs) {
            if (leg.lastSeen().toEpochMilli() < from || leg.firstSeen().toEpochMilli() >= to) {
                continue;
            }
            List<Position> track = day.points(leg).stream().filter(p -> p.time() >= from && p.time() < to).toList();
            points += track.size();
            for (RawBsonDocument bucket : HistoryBenchmark.bucketsOf(leg.transponder(), track, spanMs)) {
                buckets.add(bucket);
                entries.addAll(TrackDocuments.timeEntries(leg.transponder(), bucket.getDateTime("start").getValue(),
                        spanMs));
            }
            if (buckets.size() >= BATCH) {
                flush(positions, buckets, times, entries);
            }
        }
        flush(positions, buckets, times, entries);
        return points;
    }

    private static void flush(MongoCollection<RawBsonDocument> positions, List<RawBsonDocument> buckets,
                              MongoCollection<RawBsonDocument> times, List<WriteModel<RawBsonDocument>> entries) {
        if (!buckets.isEmpty()) {
            times.bulkWrite(entries, new BulkWriteOptions().ordered(false));
            positions.insertMany(buckets);
        }
        buckets.clear();
        entries.clear();
    }
}
