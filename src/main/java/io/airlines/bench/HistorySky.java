package io.airlines.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import io.airlines.flight.FlightLeg;
import io.airlines.store.SkyFrameReader;
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
 * and the sky's minutes the sink writes: p50/p99 of {@link TrackSky} at random instants inside
 * the window, from the minutes (what the API reads) and, at the same instants, from the tracks alone.
 */
final class HistorySky {

    private static final long MINUTE = 60_000;
    /** The window stored: its middle is where the instants are drawn, its edges leave a gap's room. */
    private static final long WINDOW = 40 * MINUTE;
    private static final long MARGIN = 10 * MINUTE;
    private static final int BATCH = 1_000;

    record Result(long points, double loadSeconds, double meanAircraft, long[] nanos, double meanTrackAircraft,
                  long[] trackNanos) {
    }

    private HistorySky() {
    }

    /**
     * Stores the window from {@code windowStart} for every leg flying in it (in a database of its
     * own: the legs' tracks stored elsewhere would collide), then times {@code samples} skies.
     */
    static Result run(HistoryDay day, List<FlightLeg> legs, MongoDatabase db, StoreSettings settings, long windowStart,
                      int samples, int trackSamples, Random random) {
        long spanMs = settings.bucketSpan().toMillis();
        long windowEnd = windowStart + WINDOW;
        long start = System.nanoTime();
        long points = store(day, legs, db, spanMs, windowStart, windowEnd);
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        TrackSky sky = new TrackSky(db, new TrackTimes(db, settings), new SkyFrameReader(db), settings);
        long[] instants = new long[samples];
        for (int i = 0; i < samples; i++) {
            instants[i] = windowStart + MARGIN + (long) (random.nextDouble() * (WINDOW - 2 * MARGIN));
        }
        long[] nanos = new long[samples];
        long[] trackNanos = new long[Math.min(samples, trackSamples)];
        double aircraft = time(sky::at, instants, nanos);
        double trackAircraft = time(sky::fromTracks, instants, trackNanos);
        return new Result(points, loadSeconds, aircraft, nanos, trackAircraft, trackNanos);
    }

    /** Times the first {@code nanos.length} instants after a few untimed ones; the mean aircraft found. */
    private static double time(LongFunction<List<Position>> sky, long[] instants, long[] nanos) {
        for (int i = 0; i < Math.min(3, nanos.length); i++) {
            sky.apply(instants[instants.length - 1 - i]);
        }
        long aircraft = 0;
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            aircraft += sky.apply(instants[i]).size();
            nanos[i] = System.nanoTime() - t0;
        }
        return nanos.length == 0 ? 0 : (double) aircraft / nanos.length;
    }

    private static long store(HistoryDay day, List<FlightLeg> legs, MongoDatabase db, long spanMs, long from, long to) {
        MongoCollection<RawBsonDocument> positions = db.getCollection(TrackIds.COLLECTION, RawBsonDocument.class);
        MongoCollection<RawBsonDocument> times = db.getCollection(TrackTimes.COLLECTION, RawBsonDocument.class);
        List<Position> window = new ArrayList<>();
        List<RawBsonDocument> buckets = new ArrayList<>();
        List<WriteModel<RawBsonDocument>> entries = new ArrayList<>();
        long points = 0;
        for (FlightLeg leg : legs) {
            if (leg.lastSeen().toEpochMilli() < from || leg.firstSeen().toEpochMilli() >= to) {
                continue;
            }
            List<Position> track = day.points(leg).stream().filter(p -> p.time() >= from && p.time() < to).toList();
            points += track.size();
            window.addAll(track);
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
        List<WriteModel<RawBsonDocument>> minutes = TrackDocuments.skyMinutes(window);
        MongoCollection<RawBsonDocument> frames = db.getCollection(SkyFrameReader.COLLECTION, RawBsonDocument.class);
        for (int i = 0; i < minutes.size(); i += BATCH) {
            frames.bulkWrite(minutes.subList(i, Math.min(minutes.size(), i + BATCH)), new BulkWriteOptions().ordered(false));
        }
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
