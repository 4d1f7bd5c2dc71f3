package io.airlines.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cold start to healthy, idle RSS, clean stop time and jar size, on a fresh data directory with
 * the launcher's JVM options and the simulator off (idle).
 */
public class StartupBenchmark implements Benchmark {
    private static final BenchOption RUNS = BenchOption.count("runs", 3, 1, "cold starts timed");
    private static final BenchOption IDLE_SECONDS = BenchOption.count("idle-seconds", 60, 5, "seconds idle before memory is read");

    /** The defaults of {@code AIRLINES_JAVA_OPTS} in the {@code ./airlines} launcher: keep both alike. */
    public static final List<String> LAUNCHER_JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx1536m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=100", "-Xss512k",
            "-XX:G1PeriodicGCInterval=15000", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30",
            "-XX:+ExitOnOutOfMemoryError");

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public List<BenchOption> options() {
        return List.of(RUNS, IDLE_SECONDS);
    }

    @Override
    public List<Measurement> run(BenchOptions options) throws Exception {
        int runs = options.intValue(RUNS);
        int idleSeconds = options.intValue(IDLE_SECONDS);
        List<Measurement> out = new ArrayList<>();
        double bestStart = Double.MAX_VALUE;
        long worstRss = 0;
        long worstLoadedRss = 0;
        double slowestLoad = 0;
        double worstStop = 0;
        for (int i = 0; i < runs; i++) {
            Path dataDir = Files.createTempDirectory("airlines-bench-startup-");
            ServerProcess.Builder builder = ServerProcess.builder(dataDir).jvmOptions(LAUNCHER_JVM_OPTIONS);
            if (options.quick()) {
                builder.env("AIRLINES_DEMO_DAYS", "2"); // a small first-start load
            }
            try (ServerProcess server = builder.start()) {
                Duration healthy = server.awaitHealthy(Duration.ofSeconds(120));
                bestStart = Math.min(bestStart, healthy.toMillis() / 1000.0);
                Thread.sleep(idleSeconds * 1000L); // idle means idle: let start-up garbage settle
                worstRss = Math.max(worstRss, server.rssBytes().orElse(0L));
                // A first start also loads the shipped reference data and demo timetable in the background.
                long loadStarted = System.nanoTime();
                awaitFirstStartLoad(server);
                slowestLoad = Math.max(slowestLoad, (System.nanoTime() - loadStarted) / 1e9 + idleSeconds);
                Thread.sleep(idleSeconds * 1000L);
                worstLoadedRss = Math.max(worstLoadedRss, server.rssBytes().orElse(0L));
                worstStop = Math.max(worstStop, server.stop(Duration.ofSeconds(60)).toMillis() / 1000.0);
            }
        }
        out.add(Measurement.withGoal(name(), "cold start to healthy (best of " + runs + ")", bestStart, "s", "≤ 15 s", bestStart <= 15));
        double rssMiB = worstRss / 1024.0 / 1024.0;
        out.add(Measurement.of(name(), "RSS " + idleSeconds + " s after healthy, data still loading (worst)", rssMiB, "MiB"));
        double loadedMiB = worstLoadedRss / 1024.0 / 1024.0;
        out.add(Measurement.of(name(), "first-start data load done after (worst)", slowestLoad, "s"));
        out.add(Measurement.withGoal(name(), "idle RSS once the data load is done (worst)", loadedMiB, "MiB",
                "≤ 1024 MiB", loadedMiB <= 1024));
        out.add(Measurement.withGoal(name(), "SIGTERM to exit (worst)", worstStop, "s", "< 15 s", worstStop < 15));
        jarSize().ifPresent(size -> out.add(Measurement.of(name(), "jar size", size / 1024.0 / 1024.0, "MiB")));
        return out;
    }

    static void awaitFirstStartLoad(ServerProcess server) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            String runs = server.get("/api/v1/etl/runs").orElse("");
            if (runs.contains("\"job\":\"demo-timetable\"") && !runs.contains("\"running\"")
                    && !runs.contains("\"queued\"")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the first-start data load did not finish within 5 minutes");
    }

    private static Optional<Long> jarSize() throws IOException {
        Path jar = Path.of("target", "airlines.jar");
        return Files.exists(jar) ? Optional.of(Files.size(jar)) : Optional.empty();
    }
}
