package io.airlines.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Projections;
import io.airlines.ingest.SimulationLoop;
import io.airlines.ingest.Simulator;
import io.airlines.store.TrackIds;
import io.airlines.stream.KafkaClients;
import io.airlines.stream.PipelineMetrics;
import io.airlines.stream.PositionCodec;
import io.airlines.stream.ReferenceData;
import io.airlines.stream.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole pipeline on embedded defaults: a server process (embedded broker and store, default
 * track mode) fed by the simulator at several fleet sizes at 1 Hz; per size the records produced,
 * stored, thinned, DLQ'd and lost (produced less those dropped by rule and the points read back
 * from the store), latency to the live view and to the store, consumer lag, the
 * server's CPU and RSS and its data directory's growth; then the store's raw ceiling in the same
 * run and the pipeline's ratio to it. The simulator runs in this JVM, so the server's figures are
 * the pipeline's own. With {@code --find-saturation} it steps the size up instead, each size on a
 * fresh server, until one breaks a goal, and reports the most aircraft held.
 */
class PipelineBenchmark implements Benchmark {
    private static final BenchOption SIZES = BenchOption.text("sizes", "1000,5000,25000", "1000",
            "aircraft simulated, one run per size (comma-separated)");
    private static final BenchOption SECONDS = BenchOption.count("seconds", 60, 12, "seconds of load per size");
    private static final BenchOption TRACK_MODE = BenchOption.text("track-mode", "thinned", "thinned",
            "the store's track mode: thinned or full");
    private static final BenchOption FIND_SATURATION = BenchOption.count("find-saturation", 0, 0,
            "instead of --sizes: step up from this many aircraft, each size on a fresh server, until one breaks a goal"
                    + " (0: off)");
    private static final BenchOption SATURATION_FACTOR = BenchOption.text("saturation-factor", "1.5", "1.5",
            "with --find-saturation: each step's size over the last one's (two significant figures)");
    private static final BenchOption SATURATION_MAX = BenchOption.count("saturation-max", 100_000, 100_000,
            "with --find-saturation: the last size stepped to");
    private static final BenchOption SATURATION_REFINE = BenchOption.count("saturation-refine", 1, 1,
            "with --find-saturation: sizes run half-way between the most held and the least broken");
    private static final BenchOption SATURATION_JUDGE = BenchOption.text("saturation-judge", "whole-load", "whole-load",
            "with --find-saturation: latencies judged over the whole load (whole-load) or once caught up with the"
                    + " start-up burst, within the load (once-caught-up)");
    /** The goal for the most aircraft held at 1 Hz (thinned) on the project's 2-core machine. */
    static final int HELD_GOAL = 50_000;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * The whole fleet appears in the first second (every flight new to the store at once, on a
     * cold JVM): a start-up burst, reported on its own, not part of the held figures. A quarter
     * of shorter runs.
     */
    static final long WARM_UP_MS = 30_000;
    private static final int SAMPLE_SECONDS = 5;
    /** Micrometer's timer of stop-the-world collections, one series per collector and cause. */
    static final String GC_PAUSES = "jvm_gc_pause_seconds_sum";
    /** Bytes H2 wrote to the store file, rewritten pages included (0 on an external MongoDB). */
    private static final String STORE_WRITTEN = "airlines_store_file_written_bytes_total";

    @Override
    public String name() {
        return "pipeline";
    }

    @Override
    public List<BenchOption> options() {
        return List.of(SIZES, SECONDS, TRACK_MODE, ServerJvm.HEAP, ServerJvm.JAVA_OPTS, FIND_SATURATION, SATURATION_FACTOR, SATURATION_MAX,
                SATURATION_REFINE, SATURATION_JUDGE);
    }

    @Override
    public List<Measurement> run(BenchOptions options) throws Exception {
        Optional<SaturationSearch> search = saturationSearch(options);
        Path work = Files.createTempDirectory("airlines-bench-pipeline-");
        try {
            return search.isPresent() ? findSaturation(search.get(), options, work) : runSizes(options, work);
        } finally {
            // Gigabytes at the larger sizes: never leave them in /tmp.
            FileSystemUtils.deleteRecursively(work);
        }
    }

    /** Every size of {@code --sizes} on one server, one after the other, then the store's ceiling on it. */
    private List<Measurement> runSizes(BenchOptions options, Path work) throws Exception {
        int[] sizes = Arrays.stream(options.value(SIZES).split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        Path data = work.resolve("data");
        List<Measurement> out = new ArrayList<>();
        try (ServerProcess server = startServer(options, Arrays.stream(sizes).max().orElse(0), work)) {
            String mongoUri = "mongodb://127.0.0.1:" + server.mongoPort();
            double bestRate = 0;
            for (int size : sizes) {
                bestRate = Math.max(bestRate, runSize(server, size, options, data, out));
            }
            out.add(Measurement.of(name(), "points in store (sum of bucket counts)", storedPoints(mongoUri), "points"));
            ceiling(server, options, bestRate, out);
        }
        return out;
    }

    /**
     * Steps the fleet size up until one breaks a goal, each size on a server and data directory of
     * its own: what an earlier size left (its backlog, its data) would weigh on the next. Then the
     * store's ceiling on a fresh server, against the rate of the most held size.
     */
    private List<Measurement> findSaturation(SaturationSearch search, BenchOptions options, Path work) throws Exception {
        List<Measurement> out = new ArrayList<>();
        Map<Integer, Double> rates = new HashMap<>();
        SaturationSearch.Outcome outcome = search.run(size -> {
            Path dir = work.resolve(size + "-aircraft");
            List<Measurement> figures = new ArrayList<>();
            try (ServerProcess server = startServer(options, size, dir)) {
                rates.put(size, runSize(server, size, options, dir.resolve("data"), figures));
            } finally {
                FileSystemUtils.deleteRecursively(dir);
            }
            out.addAll(figures);
            PipelineGoals.Verdict verdict = PipelineGoals.judge(size, figures, search.judging());
            // A search runs for an hour or more: say how it goes as it goes.
            System.out.println("   " + size + " aircraft: " + (verdict.held() ? "held"
                    : "broke " + verdict.broken().stream().map(Measurement::metric).toList()));
            return verdict;
        });
        out.addAll(outcome.figures(name(), HELD_GOAL));
        try (ServerProcess server = startServer(options, outcome.mostHeld(), work.resolve("ceiling"))) {
            ceiling(server, options, rates.getOrDefault(outcome.mostHeld(), 0.0), out);
        }
        return out;
    }

    /**
     * What the store's files grew by for each point stored during the load; when compaction left
     * them smaller than before, how much smaller instead: a negative size per point read as if
     * points took no room.
     */
    static Measurement storeGrowth(String benchmark, String label, long grownBytes, long stored) {
        if (grownBytes < 0) {
            return Measurement.of(benchmark, label + ": store files shrank during the load (compaction)",
                    -grownBytes / 1024.0 / 1024, "MiB");
        }
        return Measurement.of(benchmark, label + ": store file growth per stored point",
                stored == 0 ? 0 : (double) grownBytes / stored, "bytes");
    }

    /** The search asked for, if any; its options without {@code --find-saturation}, or with {@code --sizes}, are refused. */
    static Optional<SaturationSearch> saturationSearch(BenchOptions options) {
        if (options.intValue(FIND_SATURATION) == 0) {
            Stream.of(SATURATION_FACTOR, SATURATION_MAX, SATURATION_REFINE, SATURATION_JUDGE).filter(options::given).findFirst()
                    .ifPresent(o -> {
                        throw new IllegalArgumentException("--" + o.name() + " needs --find-saturation");
                    });
            return Optional.empty();
        }
        if (options.given(SIZES)) {
            throw new IllegalArgumentException("--sizes and --find-saturation exclude each other");
        }
        double factor;
        try {
            factor = Double.parseDouble(options.value(SATURATION_FACTOR));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--saturation-factor must be a number above 1, not "
                    + options.value(SATURATION_FACTOR));
        }
        PipelineGoals.Judging judging = switch (options.value(SATURATION_JUDGE)) {
            case "whole-load" -> PipelineGoals.Judging.WHOLE_LOAD;
            case "once-caught-up" -> PipelineGoals.Judging.ONCE_CAUGHT_UP;
            default -> throw new IllegalArgumentException("--saturation-judge must be whole-load or once-caught-up, not "
                    + options.value(SATURATION_JUDGE));
        };
        return Optional.of(new SaturationSearch(options.intValue(FIND_SATURATION), factor,
                options.intValue(SATURATION_MAX), options.intValue(SATURATION_REFINE), judging));
    }

    /**
     * A server on embedded defaults with its data directory and log under {@code dir}, healthy, with
     * the launcher's options for this many aircraft of traffic ({@code AIRLINES_TRAFFIC_AIRCRAFT}).
     */
    private static ServerProcess startServer(BenchOptions options, int aircraft, Path dir) {
        ServerProcess.Builder builder = ServerProcess.builder(dir.resolve("data"))
                .jvmOptions(ServerJvm.options(options, aircraft))
                .env("AIRLINES_TRACK_MODE", options.value(TRACK_MODE))
                // The shipped reference set and demo timetable load in the background at first start and
                // write to the same store: keep them out of the pipeline's figures.
                .env("AIRLINES_OFFLINE_DATA", "false")
                .log(dir.resolve("server.log"));
        storeOverrides(options).forEach(builder::env);
        ServerProcess server = builder.start();
        try {
            server.awaitHealthy(Duration.ofSeconds(180));
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The store's raw ceiling on this server, and the pipeline's rate over it. */
    private void ceiling(ServerProcess server, BenchOptions options, double pipelineRate, List<Measurement> out) {
        int records = options.quick() ? 20_000 : 100_000;
        double ceiling = SinkBenchmark.rawCeiling("mongodb://127.0.0.1:" + server.mongoPort(),
                SinkBenchmark.positions(records, 5_000, new Random(42)));
        out.add(Measurement.of(name(), "store raw ceiling (insertMany 1000)", ceiling, "docs/s"));
        out.add(Measurement.of(name(), "pipeline records/s held / raw ceiling", pipelineRate / ceiling, "ratio"));
    }

    /** Returns the records per second the pipeline took in at this size. */
    private double runSize(ServerProcess server, int size, BenchOptions options, Path data, List<Measurement> out)
            throws Exception {
        int seconds = options.intValue(SECONDS);
        String bootstrap = "127.0.0.1:" + server.kafkaPort();
        String label = size + " aircraft " + options.value(TRACK_MODE);
        PositionCodec codec = PositionCodec.standalone();
        JsonNode before = stats(server);
        long cpuBefore = cpuTicks(server.pid());
        ServerMetrics metricsBefore = server.metrics();
        double gcBefore = metricsBefore.sum(GC_PAUSES).orElse(0);
        double writtenBefore = metricsBefore.sum(STORE_WRITTEN).orElse(0);
        long diskBefore = size(data);
        long kafkaBefore = size(data.resolve("kafka"));
        long started = System.nanoTime();
        List<Long> lags = new ArrayList<>();
        List<Long> validateLags = new ArrayList<>();
        long produced;
        Set<String> flights = ConcurrentHashMap.newKeySet();
        // Records Kafka refused the bench: never in the pipeline, so not the pipeline's loss.
        AtomicLong unsent = new AtomicLong();
        long simulatedFrom = System.currentTimeMillis();
        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer(bootstrap, "bench-simulator");
             SimulationLoop loop = new SimulationLoop(new Simulator(size, 1000L + size, 1, ReferenceData.builtIn(),
                     simulatedFrom), 1,
                     p -> {
                         flights.add(p.key());
                         producer.send(new ProducerRecord<>(Topics.POSITIONS_RAW, p.key(), codec.encode(p)), (m, e) -> {
                             if (e != null) {
                                 unsent.incrementAndGet();
                             }
                         });
                     })) {
            loop.start();
            for (int s = SAMPLE_SECONDS; s <= seconds; s += SAMPLE_SECONDS) {
                Thread.sleep(SAMPLE_SECONDS * 1000L); // a benchmark holds the load for a set time
                JsonNode now = stats(server);
                lags.add(now.path("consumerLag").asLong());
                validateLags.add(now.path("totals").path("validateLag").asLong());
            }
            loop.close();
            producer.flush();
            produced = loop.produced();
        }
        double held = (System.nanoTime() - started) / 1e9;
        long cpuAfter = cpuTicks(server.pid());
        ServerMetrics metricsAfter = server.metrics();
        double gcPaused = metricsAfter.sum(GC_PAUSES).orElse(0) - gcBefore;
        double written = metricsAfter.sum(STORE_WRITTEN).orElse(0) - writtenBefore;
        long rss = server.rssBytes().orElse(0L);
        long diskAfter = size(data);
        long kafkaAfter = size(data.resolve("kafka"));
        long runStart = System.currentTimeMillis() - (long) (held * 1000);
        JsonNode after = drain(server, before, produced);
        // Every window from the end of the warm-up to the drain's end: late records count too.
        long warmUpMs = Math.min(WARM_UP_MS, seconds * 1000L / 4);
        long[] latency = latencies(after, runStart + warmUpMs, System.currentTimeMillis());
        long[] warmUp = latencies(after, runStart, runStart + warmUpMs);

        long dlq = delta(before, after, "dlq");
        long duplicates = delta(before, after, "duplicates");
        long stored = delta(before, after, "stored");
        long thinned = delta(before, after, "thinned");
        // What the store holds, not what the sink counted: a write it believed done and the store lost shows here.
        long readBack = pointsReadBack("mongodb://127.0.0.1:" + server.mongoPort(), flights, simulatedFrom);
        long unaccounted = produced - unsent.get() - dlq - duplicates - thinned - readBack;
        boolean drained = after.path("consumerLag").asLong() == 0;
        double cpu = (cpuAfter - cpuBefore) / 100.0 / held * 100;
        String n = name();
        out.add(Measurement.of(n, label + ": produced", produced, "records"));
        out.add(Measurement.of(n, label + ": produced rate", produced / held, "records/s"));
        out.add(Measurement.of(n, label + ": stored points", stored, "points"));
        out.add(Measurement.of(n, label + ": points read back from the store", readBack, "points"));
        out.add(Measurement.of(n, label + ": thinned by rule", thinned, "points"));
        out.add(Measurement.withGoal(n, label + ": refused by Kafka (send failed)", unsent.get(), "records", "0",
                unsent.get() == 0));
        out.add(PipelineGoals.lost(n, label, unaccounted, drained));
        out.add(Measurement.of(n, label + ": DLQ'd", dlq, "records"));
        out.add(Measurement.withGoal(n, label + ": live view latency p50", latency[0], "ms", "-", true));
        out.add(PipelineGoals.liveP99(n, label, latency[1]));
        out.add(Measurement.withGoal(n, label + ": store latency p50", latency[2], "ms", "-", true));
        out.add(PipelineGoals.storeP99(n, label, latency[3]));
        out.add(Measurement.of(n, label + ": start-up burst (first " + warmUpMs / 1000 + " s): live view latency p99", warmUp[1], "ms"));
        out.add(Measurement.of(n, label + ": start-up burst (first " + warmUpMs / 1000 + " s): store latency p99", warmUp[3], "ms"));
        long caughtUp = caughtUpAfter(lags, size);
        out.add(PipelineGoals.caughtUp(n, label, caughtUp));
        if (caughtUp >= 0) {
            // The goals' p99 counts the catch-up after the start-up burst when it outlasts the warm-up;
            // this one says how the stream goes once it is past it (from the first whole window after).
            long[] steady = latencies(after, runStart + Math.max(warmUpMs, caughtUp * 1000 + PipelineMetrics.SAMPLE_MS),
                    System.currentTimeMillis());
            out.add(PipelineGoals.liveP99OnceCaughtUp(n, label, steady[1]));
            out.add(PipelineGoals.storeP99OnceCaughtUp(n, label, steady[3]));
        }
        LagTrend trend = LagTrend.of(lags.subList((int) Math.min(lags.size(), warmUpMs / 1000 / SAMPLE_SECONDS), lags.size()));
        out.add(Measurement.of(n, label + ": consumer lag max, first half after warm-up", trend.firstHalf(), "records"));
        out.add(PipelineGoals.lagNotGrowing(n, label, trend, size));
        long validateLagAtEnd = validateLags.isEmpty() ? 0 : validateLags.get(validateLags.size() - 1);
        out.add(Measurement.of(n, label + ": validation lag at end of load", validateLagAtEnd, "records"));
        out.add(Measurement.of(n, label + ": server CPU", cpu, "% of one core"));
        long validated = produced - validateLagAtEnd;
        // CPU time per record taken in: comparable between runs on a shared machine, where throughput is not.
        out.add(Measurement.of(n, label + ": server CPU per record validated during the load",
                validated <= 0 ? 0 : (cpuAfter - cpuBefore) * 10_000.0 / validated, "µs"));
        out.add(Measurement.of(n, label + ": store file written during the load", written / held / 1024 / 1024, "MiB/s"));
        out.add(Measurement.of(n, label + ": server stopped for GC during the load", gcPaused / held * 100, "% of the time"));
        double rssMiB = rss / 1024.0 / 1024.0;
        out.add(PipelineGoals.rss(n, label, rssMiB));
        out.add(Measurement.of(n, label + ": data dir growth", (diskAfter - diskBefore) / held * 3600 / 1024 / 1024, "MiB/h"));
        out.add(Measurement.of(n, label + ": of which Kafka log", (kafkaAfter - kafkaBefore) / held * 3600 / 1024 / 1024, "MiB/h"));
        out.add(storeGrowth(n, label, (diskAfter - diskBefore) - (kafkaAfter - kafkaBefore), stored));
        out.add(Measurement.of(n, label + ": store file in use by current data at end", DiskBenchmark.liveShare(server.metrics()), "%"));
        return produced / held;
    }

    /** {@code --store.bucket-span 1m} and the like, as the server's environment variables. */
    static Map<String, String> storeOverrides(BenchOptions options) {
        Map<String, String> env = new TreeMap<>();
        options.values().forEach((key, value) -> {
            if (key.startsWith("store.")) {
                env.put("AIRLINES_" + key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT), value);
            }
        });
        return env;
    }

    /**
     * Seconds into the load from which the lag stayed within a second of input to the end, for two
     * samples at least; -1 if it did not end so: at the start the lag is small before the burst
     * piles up, a lag that comes back is not caught up, and one reached at the last sample leaves
     * nothing to measure after it.
     */
    static long caughtUpAfter(List<Long> lags, int perSecond) {
        int from = lags.size();
        while (from > 0 && lags.get(from - 1) <= perSecond) {
            from--;
        }
        return from >= lags.size() - 1 ? -1 : (from + 1L) * SAMPLE_SECONDS;
    }

    /** The lag's highest value in each half of the samples taken after the warm-up. */
    record LagTrend(long firstHalf, long secondHalf) {

        static LagTrend of(List<Long> lags) {
            int half = lags.size() / 2;
            return new LagTrend(max(lags.subList(0, half)), max(lags.subList(half, lags.size())));
        }

        /** Whatever the level, a lag that holds does not climb by more than one second of input. */
        boolean holds(int perSecond) {
            return secondHalf <= firstHalf + perSecond;
        }

        private static long max(List<Long> values) {
            return values.stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }

    /** Waits until every produced record is accounted for (or 5 minutes pass); returns the final stats. */
    private static JsonNode drain(ServerProcess server, JsonNode before, long produced) throws Exception {
        long deadline = System.currentTimeMillis() + 300_000;
        JsonNode now = stats(server);
        while (System.currentTimeMillis() < deadline) {
            long accounted = Stream.of("dlq", "duplicates", "stored", "thinned", "alreadyStored")
                    .mapToLong(k -> delta(before, stats(server), k)).sum();
            now = stats(server);
            if (accounted >= produced && now.path("consumerLag").asLong() == 0) {
                break;
            }
            Thread.sleep(500);
        }
        Thread.sleep(11_000); // let the last 10 s latency window close
        return stats(server);
    }

    /**
     * p50 (median of windows) and p99 (worst window) of live and store latency over [from, to],
     * each over the windows that saw records of that stage.
     */
    private static long[] latencies(JsonNode stats, long from, long to) {
        long[] out = new long[4];
        String[][] fields = {{"liveLatencyP50", "liveLatencyP99"}, {"storeLatencyP50", "storeLatencyP99"}};
        for (int stage = 0; stage < 2; stage++) {
            List<long[]> windows = new ArrayList<>();
            for (JsonNode s : stats.path("history")) {
                long t = s.path("time").asLong();
                if (t >= from && t <= to && s.path(fields[stage][1]).asLong() > 0) {
                    windows.add(new long[] {s.path(fields[stage][0]).asLong(), s.path(fields[stage][1]).asLong()});
                }
            }
            if (!windows.isEmpty()) {
                long[] p50 = windows.stream().mapToLong(w -> w[0]).sorted().toArray();
                out[stage * 2] = p50[p50.length / 2];
                out[stage * 2 + 1] = windows.stream().mapToLong(w -> w[1]).max().orElse(0);
            }
        }
        return out;
    }

    private static long delta(JsonNode before, JsonNode after, String counter) {
        return after.path("totals").path(counter).asLong() - before.path("totals").path(counter).asLong();
    }

    static JsonNode stats(ServerProcess server) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/stats")))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long storedPoints(String mongoUri) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            long total = 0;
            for (Document d : client.getDatabase("airlines").getCollection(TrackIds.COLLECTION).find()
                    .projection(new Document("count", 1))) {
                total += d.getInteger("count", 0);
            }
            return total;
        }
    }

    /**
     * Distinct points (flight and time) the store holds for these flights from {@code from} on:
     * a point stored twice counts once, so only what reached the store counts.
     */
    static long pointsReadBack(String mongoUri, Set<String> flights, long from) {
        Map<String, List<long[]>> times = new HashMap<>();
        try (MongoClient client = MongoClients.create(mongoUri)) {
            for (Document d : client.getDatabase("airlines").getCollection(TrackIds.COLLECTION).find()
                    .projection(Projections.include("key", "points.t"))) {
                if (flights.contains(d.getString("key"))) {
                    times.computeIfAbsent(d.getString("key"), k -> new ArrayList<>()).add(TrackIds.pointTimes(d));
                }
            }
        }
        long distinct = 0;
        for (List<long[]> documents : times.values()) {
            distinct += documents.stream().flatMapToLong(Arrays::stream).filter(t -> t >= from).distinct().count();
        }
        return distinct;
    }

    /** utime + stime of a process in clock ticks (100 per second on Linux). */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long size(Path dir) {
        long[] total = {0};
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        total[0] += attributes.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                // Kafka renames its checkpoint files while running: one gone meanwhile no longer counts.
                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return 0;
        }
        return total[0];
    }

}
