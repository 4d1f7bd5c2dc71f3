package io.airlines.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.airlines.flight.FlightHistory;
import io.airlines.flight.FlightLeg;
import io.airlines.flight.LegStore;
import io.airlines.reference.OfflineReference;
import io.airlines.reference.ReferenceKind;
import io.airlines.store.StoreSettings;
import io.airlines.store.TrackDocuments;
import io.airlines.store.TrackIds;
import io.airlines.store.TrackReader;
import io.airlines.stream.Position;
import org.bson.RawBsonDocument;
import org.springframework.util.FileSystemUtils;

/**
 * Flight history on a store holding one day of legs ({@link HistoryDay}) and the tracks of a
 * sample of them in {@code positions}, as the sink writes them. In one loop it times the day list
 * of an airport and of an airline (first page, as the history API answers it), one leg's track (as
 * {@code /history/flights/{id}/track} reads it) and a plain {@code _id} lookup of a leg: p50/p99
 * of each and the p99 ratios to the lookup. Airports are asked for as often as they are flown to,
 * and airlines as often as they fly, so hubs and big airlines, with the longest lists, weigh on the tail.
 */
class HistoryBenchmark implements Benchmark {

    private static final BenchOption AIRCRAFT = BenchOption.count("aircraft", 25_000, 800, "aircraft flying the day");
    private static final BenchOption TRACKS = BenchOption.count("tracks", 5_000, 300,
            "legs whose track points are stored (a sample of the day)");
    private static final BenchOption SAMPLES = BenchOption.count("samples", 2_000, 300, "queries timed of each kind");
    private static final BenchOption SKY_SAMPLES = BenchOption.count("sky-samples", 40, 5,
            "skies at an instant timed (every aircraft's track stored over a 40-minute window)");
    private static final BenchOption SKY_TRACK_SAMPLES = BenchOption.count("sky-track-samples", 5, 3,
            "of those instants, skies also timed from the tracks alone (no minutes), side by side");
    private static final int PAGE = 100;
    private static final int BATCH = 1_000;
    private static final double GOAL = 10;
    private static final double SKY_GOAL_MS = 1000;

    @Override
    public String name() {
        return "history";
    }

    @Override
    public List<BenchOption> options() {
        return List.of(AIRCRAFT, TRACKS, SAMPLES, SKY_SAMPLES, SKY_TRACK_SAMPLES);
    }

    @Override
    public List<Measurement> run(BenchOptions options) throws Exception {
        int aircraft = options.intValue(AIRCRAFT);
        int trackCount = options.intValue(TRACKS);
        int samples = options.intValue(SAMPLES);
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        StoreSettings storeSettings = SinkBenchmark.storeSettings(options);
        long spanMs = storeSettings.bucketSpan().toMillis();
        Path dir = Files.createTempDirectory("airlines-bench-history-");
        try (ScratchStore scratch = ScratchStore.inFile(dir)) {
            MongoDatabase db = scratch.database("bench");
            LegStore legStore = new LegStore(db);
            HistoryDay sky = new HistoryDay(OfflineReference.load().get(ReferenceKind.AIRPORTS), day, 11);

            long start = System.nanoTime();
            List<FlightLeg> all = saveLegs(sky, legStore, aircraft);
            double legSeconds = (System.nanoTime() - start) / 1e9;

            Random random = new Random(13);
            List<FlightLeg> shuffled = new ArrayList<>(all);
            Collections.shuffle(shuffled, random);
            List<FlightLeg> tracked = shuffled.subList(0, Math.min(trackCount, all.size()));
            start = System.nanoTime();
            long points = saveTracks(sky, tracked, db.getCollection(TrackIds.COLLECTION, RawBsonDocument.class), spanMs);
            double trackSeconds = (System.nanoTime() - start) / 1e9;

            FlightHistory history = new FlightHistory(legStore);
            TrackReader reader = new TrackReader(db, storeSettings);
            long[] listNanos = new long[samples];
            long[] airlineNanos = new long[samples];
            long[] trackNanos = new long[samples];
            long[] lookupNanos = new long[samples];
            int warmup = Math.min(300, samples);
            long listed = 0;
            long airlineListed = 0;
            long trackPoints = 0;
            long found = 0;
            for (int i = -warmup; i < samples; i++) {
                String airport = sky.drawAirport();
                FlightLeg withTrack = tracked.get(random.nextInt(tracked.size()));
                String id = all.get(random.nextInt(all.size())).id();
                String airline = all.get(random.nextInt(all.size())).airline();
                long t0 = System.nanoTime();
                FlightHistory.Page page = history.list(day, airport, null, null, 0, PAGE);
                long t1 = System.nanoTime();
                FlightHistory.Page ofAirline = history.list(day, null, airline, null, 0, PAGE);
                long ta = System.nanoTime();
                FlightLeg leg = legStore.byId(withTrack.id()).orElseThrow();
                int n = reader.points(leg.transponder(), leg.firstSeen().toEpochMilli(), leg.lastSeen().toEpochMilli())
                        .size();
                long t2 = System.nanoTime();
                boolean hit = legStore.byId(id).isPresent();
                long t3 = System.nanoTime();
                if (i >= 0) {
                    listNanos[i] = t1 - t0;
                    airlineNanos[i] = ta - t1;
                    trackNanos[i] = t2 - ta;
                    airlineListed += ofAirline.legs().size();
                    lookupNanos[i] = t3 - t2;
                    listed += page.legs().size();
                    trackPoints += n;
                    found += hit ? 1 : 0;
                }
            }
            Map<String, Integer> perAirport = new HashMap<>();
            for (FlightLeg leg : all) {
                perAirport.merge(leg.origin(), 1, Integer::sum);
                perAirport.merge(leg.destination(), 1, Integer::sum);
            }
            int busiest = perAirport.values().stream().max(Comparator.naturalOrder()).orElse(0);
            double listP99 = SearchBenchmark.percentile(listNanos, 99);
            double airlineP99 = SearchBenchmark.percentile(airlineNanos, 99);
            double airlineP50 = SearchBenchmark.percentile(airlineNanos, 50);
            double trackP99 = SearchBenchmark.percentile(trackNanos, 99);
            double lookupP99 = SearchBenchmark.percentile(lookupNanos, 99);
            double lookupP50 = SearchBenchmark.percentile(lookupNanos, 50);
            double listP50 = SearchBenchmark.percentile(listNanos, 50);
            double trackP50 = SearchBenchmark.percentile(trackNanos, 50);
            HistorySky.Result skies = HistorySky.run(sky, all, scratch.database("bench-sky"), storeSettings,
                    day.atTime(12, 0).toInstant(ZoneOffset.UTC).toEpochMilli(), options.intValue(SKY_SAMPLES),
                    options.intValue(SKY_TRACK_SAMPLES), random);
            List<Measurement> out = new ArrayList<>(List.of(
                    Measurement.of(name(), "legs stored", all.size(), "legs"),
                    Measurement.of(name(), "airports flown", perAirport.size(), "airports"),
                    Measurement.of(name(), "legs of the busiest airport", busiest, "legs"),
                    Measurement.of(name(), "legs load time", legSeconds, "s"),
                    Measurement.of(name(), "legs with tracks", tracked.size(), "legs"),
                    Measurement.of(name(), "track points stored", points, "points"),
                    Measurement.of(name(), "tracks load time", trackSeconds, "s"),
                    Measurement.of(name(), "store file", scratch.fileBytes() / 1e6, "MB"),
                    Measurement.of(name(), "airport list: legs per page (mean)", (double) listed / samples, "legs"),
                    Measurement.of(name(), "airline list: legs per page (mean)", (double) airlineListed / samples, "legs"),
                    Measurement.of(name(), "track: points per leg (mean)", (double) trackPoints / samples, "points"),
                    Measurement.of(name(), "_id lookups found", found, "count"),
                    Measurement.of(name(), "airport day list p50", listP50, "ms"),
                    Measurement.of(name(), "airport day list p99", listP99, "ms"),
                    Measurement.of(name(), "airline day list p50", airlineP50, "ms"),
                    Measurement.of(name(), "airline day list p99", airlineP99, "ms"),
                    Measurement.of(name(), "leg track p50", trackP50, "ms"),
                    Measurement.of(name(), "leg track p99", trackP99, "ms"),
                    Measurement.of(name(), "_id lookup p50", lookupP50, "ms"),
                    Measurement.of(name(), "_id lookup p99", lookupP99, "ms"),
                    Measurement.withGoal(name(), "airport day list p99 / _id lookup p99", listP99 / lookupP99, "ratio",
                            "≤ 10×", listP99 / lookupP99 <= GOAL),
                    Measurement.withGoal(name(), "airline day list p99 / _id lookup p99", airlineP99 / lookupP99, "ratio",
                            "≤ 10×", airlineP99 / lookupP99 <= GOAL),
                    Measurement.withGoal(name(), "leg track p99 / _id lookup p99", trackP99 / lookupP99, "ratio",
                            "≤ 10×", trackP99 / lookupP99 <= GOAL),
                    // The p99 of a lookup this short is mostly the machine's scheduling: the medians say what a query costs.
                    Measurement.of(name(), "airport day list p50 / _id lookup p50", listP50 / lookupP50, "ratio"),
                    Measurement.of(name(), "airline day list p50 / _id lookup p50", airlineP50 / lookupP50, "ratio"),
                    Measurement.of(name(), "leg track p50 / _id lookup p50", trackP50 / lookupP50, "ratio")));
            double skyP50 = SearchBenchmark.percentile(skies.nanos(), 50);
            double skyP99 = SearchBenchmark.percentile(skies.nanos(), 99);
            double trackSkyP50 = SearchBenchmark.percentile(skies.trackNanos(), 50);
            out.addAll(List.of(
                    Measurement.of(name(), "sky window: track points stored", skies.points(), "points"),
                    Measurement.of(name(), "sky window load time", skies.loadSeconds(), "s"),
                    Measurement.of(name(), "sky at an instant: aircraft (mean)", skies.meanAircraft(), "aircraft"),
                    Measurement.of(name(), "sky at an instant p50", skyP50, "ms"),
                    Measurement.withGoal(name(), "sky at an instant p99", skyP99, "ms", "≤ 1000 ms",
                            skyP99 <= SKY_GOAL_MS),
                    Measurement.of(name(), "sky at an instant p50 / _id lookup p50", skyP50 / lookupP50, "ratio"),
                    Measurement.of(name(), "sky at an instant p99 / _id lookup p99", skyP99 / lookupP99, "ratio"),
                    Measurement.of(name(), "sky from the tracks alone: aircraft (mean)", skies.meanTrackAircraft(), "aircraft"),
                    Measurement.of(name(), "sky from the tracks alone p50", trackSkyP50, "ms"),
                    Measurement.of(name(), "sky from the tracks alone p50 / from the minutes p50", trackSkyP50 / skyP50,
                            "ratio")));
            return out;
        } finally {
            FileSystemUtils.deleteRecursively(dir);
        }
    }

    /** The legs of {@code aircraft} rotations, saved in batches; returns them in the order saved. */
    private static List<FlightLeg> saveLegs(HistoryDay sky, LegStore legStore, int aircraft) {
        List<FlightLeg> all = new ArrayList<>();
        List<FlightLeg> batch = new ArrayList<>();
        for (int i = 0; i < aircraft; i++) {
            batch.addAll(sky.rotation(i));
            if (batch.size() >= BATCH || i == aircraft - 1) {
                legStore.save(batch);
                all.addAll(batch);
                batch.clear();
            }
        }
        return all;
    }

    /** The tracks of {@code legs}, bucket documents inserted in batches; returns the points stored. */
    private static long saveTracks(HistoryDay sky, List<FlightLeg> legs, MongoCollection<RawBsonDocument> positions,
                                   long spanMs) {
        List<RawBsonDocument> buckets = new ArrayList<>();
        long points = 0;
        for (FlightLeg leg : legs) {
            List<Position> track = sky.points(leg);
            points += track.size();
            buckets.addAll(bucketsOf(leg.transponder(), track, spanMs));
            if (buckets.size() >= BATCH) {
                positions.insertMany(buckets);
                buckets.clear();
            }
        }
        if (!buckets.isEmpty()) {
            positions.insertMany(buckets);
        }
        return points;
    }

    /** A leg's points cut into the sink's buckets, one segment document each. */
    static List<RawBsonDocument> bucketsOf(String key, List<Position> track, long spanMs) {
        List<RawBsonDocument> documents = new ArrayList<>();
        int from = 0;
        while (from < track.size()) {
            long bucket = TrackIds.startOf(track.get(from).time(), spanMs);
            int to = from;
            while (to < track.size() && track.get(to).time() < bucket + spanMs) {
                to++;
            }
            documents.add(TrackDocuments.bucket(key, bucket, spanMs, track.subList(from, to)));
            from = to;
        }
        return documents;
    }
}
