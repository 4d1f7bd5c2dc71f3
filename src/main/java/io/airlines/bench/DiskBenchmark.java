package io.airlines.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;

import io.airlines.config.AirlinesSettings;
import io.airlines.stream.Topics;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * How the data directory grows while the server runs its own simulator on defaults, as a user's
 * laptop would: samples the Kafka log and the store file, and reports the growth per hour over the
 * second half of the run (the first half fills the store's window of old versions and the Kafka
 * segments), the Kafka log's cap, and the store's projected size at the retention horizon. The
 * bytes the store wrote to its file (pages rewritten included) tell its write amplification.
 */
class DiskBenchmark implements Benchmark {
    private static final BenchOption AIRCRAFT = BenchOption.count("aircraft", 2000, 100, "aircraft simulated");
    private static final BenchOption SECONDS = BenchOption.count("seconds", 1800, 20, "seconds the store grows");

    private static final double MIB = 1024 * 1024;
    /** Issue 21's goals for the store at world scale, in {@code thinned} mode. */
    static final int GOAL_AIRCRAFT = 25_000;
    static final double GOAL_GROWTH_MIB_PER_HOUR = 300;
    static final int GOAL_LIVE_PERCENT = 50;

    @Override
    public String name() {
        return "disk";
    }

    @Override
    public List<BenchOption> options() {
        return List.of(AIRCRAFT, SECONDS, ServerJvm.HEAP, ServerJvm.JAVA_OPTS);
    }

    @Override
    public List<Measurement> run(BenchOptions options) throws Exception {
        int aircraft = options.intValue(AIRCRAFT);
        int seconds = options.intValue(SECONDS);
        long sampleMillis = options.quick() ? 5_000 : 30_000;
        Path work = Files.createTempDirectory("airlines-bench-disk-");
        Path data = work.resolve("data");
        List<Sample> samples = new ArrayList<>();
        ServerProcess.Builder builder = ServerProcess.builder(data).jvmOptions(ServerJvm.options(options, aircraft))
                .env("AIRLINES_SIMULATOR_AIRCRAFT", String.valueOf(aircraft))
                .log(work.resolve("server.log"))
                .usersFirstStart(options.quick());
        PipelineBenchmark.storeOverrides(options).forEach(builder::env);
        try (ServerProcess server = builder.start()) {
            server.awaitHealthy(Duration.ofSeconds(180));
            StartupBenchmark.awaitFirstStartLoad(server);
            long started = System.nanoTime();
            long end = started + Duration.ofSeconds(seconds).toNanos();
            while (true) {
                long kafka = PipelineBenchmark.size(data.resolve("kafka"));
                ServerMetrics metrics = server.metrics();
                samples.add(new Sample((System.nanoTime() - started) / 1e9, kafka, PipelineBenchmark.size(data) - kafka,
                        PipelineBenchmark.stats(server).path("totals").path("stored").asLong(), liveShare(metrics),
                        (long) metrics.value("airlines_store_file_written_bytes_total").orElse(0),
                        metrics.value("airlines_store_latency_seconds_sum").orElse(0),
                        (long) metrics.value("airlines_store_latency_seconds_count").orElse(0),
                        metrics.sum(PipelineBenchmark.GC_PAUSES).orElse(0), server.rssBytes().orElse(0L)));
                if (System.nanoTime() >= end) {
                    break;
                }
                Thread.sleep(sampleMillis); // a benchmark holds the load for a set time
            }
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
        return report(aircraft, seconds, samples);
    }

    private List<Measurement> report(int aircraft, int seconds, List<Sample> samples) {
        Sample mid = samples.get(samples.size() / 2);
        Sample last = samples.get(samples.size() - 1);
        double hours = Math.max(1e-9, (last.seconds() - mid.seconds()) / 3600);
        double storePerHour = (last.store() - mid.store()) / hours;
        long storedPerHour = Math.round((last.stored() - mid.stored()) / hours);
        // The settings' own defaults, as a server started without any AIRLINES_KAFKA_* variable has them.
        AirlinesSettings.Kafka defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("airlines.kafka", AirlinesSettings.Kafka.class);
        double retentionHours = 7 * 24;
        String label = aircraft + " aircraft, " + seconds / 60.0 + " min: ";
        String n = name();
        List<Measurement> out = new ArrayList<>();
        out.add(Measurement.of(n, label + "data dir at end", (last.kafka() + last.store()) / MIB, "MiB"));
        out.add(Measurement.of(n, label + "of which Kafka log", last.kafka() / MIB, "MiB"));
        out.add(Measurement.of(n, label + "of which store file", last.store() / MIB, "MiB"));
        out.add(Measurement.of(n, label + "growth, second half", ((last.kafka() + last.store()) - (mid.kafka() + mid.store())) / hours / MIB, "MiB/h"));
        out.add(Measurement.of(n, label + "Kafka log growth, second half", (last.kafka() - mid.kafka()) / hours / MIB, "MiB/h"));
        out.add(Measurement.withGoal(n, "Kafka log cap of the pipeline topics (defaults)", Topics.logCapBytes(defaults) / MIB / 1024,
                "GiB", "a few GiB", Topics.logCapBytes(defaults) <= 8L << 30));
        boolean worldScale = aircraft >= GOAL_AIRCRAFT;
        out.add(goalAtWorldScale(worldScale, n, label + "store file growth, second half", storePerHour / MIB, "MiB/h",
                "≤ " + (int) GOAL_GROWTH_MIB_PER_HOUR + " MiB/h at 25,000 aircraft", storePerHour / MIB <= GOAL_GROWTH_MIB_PER_HOUR));
        // The share moves by ten points and more within minutes as H2 frees and moves chunks: one sample
        // at the end says little, the second half's mean is the goal's figure.
        IntSummaryStatistics live = samples.subList(samples.size() / 2, samples.size()).stream()
                .mapToInt(Sample::storeLivePercent).summaryStatistics();
        out.add(goalAtWorldScale(worldScale, n, label + "store file in use by current data, mean over the second half",
                live.getAverage(), "%", "≥ " + GOAL_LIVE_PERCENT + " % at 25,000 aircraft", live.getAverage() >= GOAL_LIVE_PERCENT));
        out.add(Measurement.of(n, label + "store file in use by current data, lowest of the second half", live.getMin(), "%"));
        out.add(Measurement.of(n, label + "store file in use by current data at end", last.storeLivePercent(), "%"));
        double writtenPerSecond = (last.written() - mid.written()) / (hours * 3600);
        out.add(Measurement.of(n, label + "store file written, second half (pages rewritten included)", writtenPerSecond / MIB, "MiB/s"));
        long timed = last.storeLatencyCount() - mid.storeLatencyCount();
        if (timed > 0) {
            // The figures hold for a server that keeps up: a store minutes behind writes in other patterns.
            out.add(Measurement.of(n, label + "record time to stored, mean over the second half",
                    (last.storeLatencySum() - mid.storeLatencySum()) / timed, "s"));
        }
        // A server short of heap collects most of the time and falls behind: the share tells it apart from one short of CPU.
        out.add(Measurement.of(n, label + "collector pauses, share of the second half",
                100 * (last.gcPauseSeconds() - mid.gcPauseSeconds()) / (hours * 3600), "%"));
        out.add(Measurement.of(n, label + "server RSS, peak", samples.stream().mapToLong(Sample::rss).max().orElse(0) / MIB, "MiB"));
        out.add(Measurement.of(n, label + "points stored", storedPerHour, "points/h"));
        if (storedPerHour > 0) {
            out.add(Measurement.of(n, label + "store growth per stored point", storePerHour / storedPerHour, "bytes"));
            out.add(Measurement.of(n, label + "store file written per stored point", writtenPerSecond * 3600 / storedPerHour, "bytes"));
        }
        out.add(Measurement.of(n, label + "store at the 7-day retention horizon (projected)",
                (last.store() + storePerHour * (retentionHours - last.seconds() / 3600)) / MIB / 1024, "GiB"));
        return out;
    }

    /** A figure with issue 21's goal when the run is at world scale; a plain figure otherwise. */
    private static Measurement goalAtWorldScale(boolean worldScale, String benchmark, String metric, double value, String unit,
                                                String goal, boolean met) {
        return worldScale ? Measurement.withGoal(benchmark, metric, value, unit, goal, met)
                : Measurement.of(benchmark, metric, value, unit);
    }

    /** The store file's live share from the server's own gauge, -1 when it has none. */
    static int liveShare(ServerMetrics metrics) {
        return (int) metrics.value("airlines_store_file_live_percent").orElse(-1);
    }

    private record Sample(double seconds, long kafka, long store, long stored, int storeLivePercent, long written,
                          double storeLatencySum, long storeLatencyCount, double gcPauseSeconds, long rss) {
    }
}
