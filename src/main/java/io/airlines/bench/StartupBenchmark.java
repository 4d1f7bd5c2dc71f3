package io.airlines.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cold start to healthy (first start, then again on the loaded data directory), RSS during and
 * after the first-start data load, the live heap, clean stop time and jar size, on a fresh data
 * directory with the launcher's JVM options and the simulator off (idle).
 */
public class StartupBenchmark implements Benchmark {
    private static final BenchOption RUNS = BenchOption.count("runs", 3, 1, "cold starts timed");
    private static final BenchOption IDLE_SECONDS = BenchOption.count("idle-seconds", 60, 5, "seconds idle before memory is read");

    /** The launcher's maximum heap. */
    static final String LAUNCHER_HEAP = "512m";
    /**
     * The most aircraft the launcher's heap carries, fed from outside or flown by the built-in
     * simulator (which shares the server's JVM).
     */
    static final int AIRCRAFT_IN_LAUNCHER_HEAP = 12_000;
    /** The launcher's heap for more traffic (measured up to 25,000 aircraft). */
    static final String LARGE_FLEET_HEAP = "768m";
    /** The default JVM options of {@code scripts/java-options}, for the launcher and the image: keep both alike. */
    public static final List<String> LAUNCHER_JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx" + LAUNCHER_HEAP, "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=200", "-Xss512k",
            "-XX:G1PeriodicGCInterval=15000", "-XX:+UseStringDeduplication", "-Djdk.nio.maxCachedBufferSize=262144",
            "-XX:+ExitOnOutOfMemoryError", "-XX:+UnlockExperimentalVMOptions", "-XX:G1NewSizePercent=35");

    /**
     * The heap {@code scripts/java-options} gives a server that carries this many aircraft: the
     * larger of {@code AIRLINES_TRAFFIC_AIRCRAFT} and {@code AIRLINES_SIMULATOR_AIRCRAFT}.
     */
    static String launcherHeap(int aircraft) {
        return aircraft > AIRCRAFT_IN_LAUNCHER_HEAP ? LARGE_FLEET_HEAP : LAUNCHER_HEAP;
    }

    /** The launcher's default options with another maximum heap ({@code 768m}, {@code 1g}). */
    static List<String> launcherOptionsWithHeap(String heap) {
        return LAUNCHER_JVM_OPTIONS.stream().map(o -> o.startsWith("-Xmx") ? "-Xmx" + heap : o).toList();
    }

    /** The {@code ARCHIVE_OPTS} of the {@code ./airlines} launcher, with its class data archive: keep both alike. */
    public static List<String> archiveOptions(Path archive) {
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /**
     * The launcher's options as this JVM got them: the defaults, and the class data archive's when
     * the launcher runs the extracted jar with one. The servers run the same jar by the same path,
     * which the archive needs.
     */
    static List<String> launcherOptions() {
        List<String> options = new ArrayList<>(LAUNCHER_JVM_OPTIONS);
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> option.startsWith("-XX:SharedArchiveFile=") || option.startsWith("-Xlog:cds"))
                .forEach(options::add);
        return options;
    }

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public List<BenchOption> options() {
        return List.of(RUNS, IDLE_SECONDS);
    }

    /** A server as the launcher starts it, with a small first-start load when quick. */
    private static ServerProcess.Builder server(Path dataDir, List<String> jvmOptions, BenchOptions options) {
        return ServerProcess.builder(dataDir).jvmOptions(jvmOptions).usersFirstStart(options.quick());
    }

    @Override
    public List<Measurement> run(BenchOptions options) throws Exception {
        int runs = options.intValue(RUNS);
        int idleSeconds = options.intValue(IDLE_SECONDS);
        List<String> jvmOptions = launcherOptions();
        Figures figures = new Figures();
        for (int i = 0; i < runs; i++) {
            Path dataDir = Files.createTempDirectory("airlines-bench-startup-");
            ServerProcess first = server(dataDir, jvmOptions, options).start();
            try (first) {
                figures.firstStart = Math.min(figures.firstStart, seconds(first.awaitHealthy(Duration.ofSeconds(120))));
                Thread.sleep(idleSeconds * 1000L); // idle means idle: let start-up garbage settle
                figures.loadingRss = Math.max(figures.loadingRss, first.rssBytes().orElse(0L));
                // A first start also loads the shipped reference data and demo timetable in the background.
                long loadStarted = System.nanoTime();
                figures.peakRss = Math.max(figures.peakRss, awaitFirstStartLoad(first));
                figures.load = Math.max(figures.load, (System.nanoTime() - loadStarted) / 1e9 + idleSeconds);
                Thread.sleep(idleSeconds * 1000L);
                figures.loadedRss = Math.max(figures.loadedRss, first.rssBytes().orElse(0L));
                figures.liveHeap = Math.max(figures.liveHeap, HeapCensus.liveBytes(first.pid()).orElse(0L));
                figures.stop = Math.max(figures.stop, seconds(first.stop(Duration.ofSeconds(60))));
            }
            // The same data directory again: the load is done, nothing is left to write.
            try (ServerProcess again = server(dataDir, jvmOptions, options).portsOf(first).start()) {
                figures.restart = Math.min(figures.restart, seconds(again.awaitHealthy(Duration.ofSeconds(120))));
            }
        }
        return figures.measurements(name(), runs, idleSeconds);
    }

    /** The figures over all runs: the best start times, the worst of everything else. */
    private static final class Figures {
        double firstStart = Double.MAX_VALUE;
        double restart = Double.MAX_VALUE;
        long loadingRss;
        long peakRss;
        long loadedRss;
        long liveHeap;
        double load;
        double stop;

        List<Measurement> measurements(String name, int runs, int idleSeconds) throws IOException {
            List<Measurement> out = new ArrayList<>();
            out.add(Measurement.withGoal(name, "cold start to healthy, first start (best of " + runs + ")", firstStart, "s",
                    "≤ 10 s", firstStart <= 10));
            out.add(Measurement.withGoal(name, "start to healthy on the loaded data directory (best of " + runs + ")",
                    restart, "s", "≤ 10 s", restart <= 10));
            out.add(Measurement.of(name, "RSS " + idleSeconds + " s after healthy, data still loading (worst)", mib(loadingRss), "MiB"));
            out.add(Measurement.withGoal(name, "RSS peak during the first-start data load (worst)", mib(peakRss), "MiB",
                    "≤ 1024 MiB", mib(peakRss) <= 1024));
            out.add(Measurement.of(name, "first-start data load done after (worst)", load, "s"));
            out.add(Measurement.withGoal(name, "idle RSS once the data load is done (worst)", mib(loadedRss), "MiB",
                    "≤ 1024 MiB", mib(loadedRss) <= 1024));
            if (liveHeap > 0) {
                out.add(Measurement.of(name, "live heap after a full GC, data loaded (worst)", mib(liveHeap), "MiB"));
            }
            out.add(Measurement.withGoal(name, "SIGTERM to exit (worst)", stop, "s", "< 15 s", stop < 15));
            jarSize().ifPresent(size -> out.add(Measurement.of(name, "jar size", mib(size), "MiB")));
            return out;
        }
    }

    /** Waits for the first-start load to finish; returns the largest RSS seen meanwhile. */
    static long awaitFirstStartLoad(ServerProcess server) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long peak = 0;
        while (System.nanoTime() < deadline) {
            peak = Math.max(peak, server.rssBytes().orElse(0L));
            String runs = server.get("/api/v1/etl/runs").orElse("");
            if (runs.contains("\"job\":\"demo-timetable\"") && !runs.contains("\"running\"")
                    && !runs.contains("\"queued\"")) {
                return peak;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the first-start data load did not finish within 5 minutes");
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    private static double mib(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    private static Optional<Long> jarSize() throws IOException {
        Path jar = Path.of("target", "airlines.jar");
        return Files.exists(jar) ? Optional.of(Files.size(jar)) : Optional.empty();
    }
}
