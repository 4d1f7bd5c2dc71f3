package io.airlines.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.airlines.reference.OfflineReference;
import io.airlines.reference.ReferenceCatalog;
import io.airlines.reference.ReferenceKind;
import io.airlines.reference.ReferenceStore;
import io.airlines.schedule.DemoAirports;
import io.airlines.schedule.DemoTimetable;
import io.airlines.schedule.Endpoint;
import io.airlines.schedule.FlightSearch;
import io.airlines.schedule.Journey;
import io.airlines.schedule.TimetableStore;

/**
 * Flight search on a store holding a million journeys (demo timetable over as many days as
 * needed), against a plain {@code _id} lookup of one journey measured in the same loop:
 * p50/p99 of each and the p99 ratio. Searches mix airport pairs and multi-airport city pairs.
 */
class SearchBenchmark implements Benchmark {
    private static final BenchOption JOURNEYS = BenchOption.count("journeys", 1_000_000, 15_000, "journeys in the timetable searched");
    private static final BenchOption SAMPLES = BenchOption.count("samples", 5_000, 1_000, "searches timed");

    @Override
    public String name() {
        return "search";
    }

    @Override
    public List<BenchOption> options() {
        return List.of(JOURNEYS, SAMPLES);
    }

    @Override
    public List<Measurement> run(BenchOptions options) throws Exception {
        int target = options.intValue(JOURNEYS);
        int samples = options.intValue(SAMPLES);
        Path dir = Files.createTempDirectory("airlines-bench-search-");
        try (ScratchStore scratch = ScratchStore.inFile(dir)) {
            var db = scratch.database("bench");
            ReferenceStore references = new ReferenceStore(db);
            references.createIndexes();
            OfflineReference.load().forEach(references::insertMissing);
            ReferenceCatalog catalog = new ReferenceCatalog(references);
            catalog.refresh();
            TimetableStore store = new TimetableStore(db);
            FlightSearch search = new FlightSearch(catalog, store);
            DemoTimetable demo = new DemoTimetable(DemoAirports.from(catalog.all(ReferenceKind.AIRPORTS), Set.of()));

            Random random = new Random(7);
            List<Journey> picked = new ArrayList<>();
            long loaded = 0;
            long start = System.nanoTime();
            for (LocalDate day = LocalDate.now(); loaded < target; day = day.plusDays(1)) {
                List<Journey> journeys = demo.journeys(day);
                store.insertNew(journeys, search::cityKeyOf);
                loaded += journeys.size();
                for (int i = 0; i < 40; i++) {
                    picked.add(journeys.get(random.nextInt(journeys.size())));
                }
            }
            double loadSeconds = (System.nanoTime() - start) / 1e9;

            long[] searchNanos = new long[samples];
            long[] lookupNanos = new long[samples];
            int warmup = Math.min(500, samples);
            long found = 0;
            for (int i = -warmup; i < samples; i++) {
                Journey j = picked.get(random.nextInt(picked.size()));
                boolean byCity = random.nextInt(5) == 0;
                Endpoint from = endpoint(search, j.origin(), byCity);
                Endpoint to = endpoint(search, j.destination(), byCity);
                long t0 = System.nanoTime();
                List<Journey> result = search.journeys(from, to, LocalDate.parse(j.date()));
                long t1 = System.nanoTime();
                boolean hit = store.flight(picked.get(random.nextInt(picked.size())).id()).isPresent();
                long t2 = System.nanoTime();
                if (i >= 0) {
                    searchNanos[i] = t1 - t0;
                    lookupNanos[i] = t2 - t1;
                    found += result.isEmpty() || !hit ? 0 : 1;
                }
            }
            double searchP50 = percentile(searchNanos, 50);
            double searchP99 = percentile(searchNanos, 99);
            double lookupP50 = percentile(lookupNanos, 50);
            double lookupP99 = percentile(lookupNanos, 99);
            double ratio = searchP99 / lookupP99;
            return List.of(
                    Measurement.of(name(), "journeys stored", loaded, "journeys"),
                    Measurement.of(name(), "load time (bulk insert)", loadSeconds, "s"),
                    Measurement.of(name(), "store file", scratch.fileBytes() / 1e6, "MB"),
                    Measurement.of(name(), "searches answered (non-empty)", found, "count"),
                    Measurement.of(name(), "search p50", searchP50, "ms"),
                    Measurement.of(name(), "search p99", searchP99, "ms"),
                    Measurement.of(name(), "_id lookup p50", lookupP50, "ms"),
                    Measurement.of(name(), "_id lookup p99", lookupP99, "ms"),
                    Measurement.withGoal(name(), "search p99 / _id lookup p99", ratio, "ratio", "≤ 5×", ratio <= 5));
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The city of the airport when asked and it groups several airports, else the airport. */
    private static Endpoint endpoint(FlightSearch search, String airport, boolean byCity) {
        String cityKey = byCity ? search.cityKeyOf(airport) : null;
        String code = cityKey == null ? airport : cityKey.substring(2);
        return search.endpoint(code).orElseThrow();
    }

    static double percentile(long[] nanos, int p) {
        long[] sorted = Arrays.copyOf(nanos, nanos.length);
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
