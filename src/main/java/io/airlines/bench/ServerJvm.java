package io.airlines.bench;

import java.util.List;

/**
 * The options a benchmark's server JVM runs with: the launcher's by default, so figures are those of
 * {@code ./airlines start}; {@code --server-heap} or {@code --server-java-opts} to see what another
 * heap or collector changes, side by side with the default in the next run.
 */
final class ServerJvm {

    static final BenchOption HEAP = BenchOption.text("server-heap", StartupBenchmark.LAUNCHER_HEAP,
            StartupBenchmark.LAUNCHER_HEAP, "the server's maximum heap (-Xmx), by default the launcher's for the"
                    + " aircraft the server carries (" + StartupBenchmark.LAUNCHER_HEAP + ", " + StartupBenchmark.LARGE_FLEET_HEAP
                    + " above " + StartupBenchmark.AIRCRAFT_IN_LAUNCHER_HEAP + " aircraft)");
    static final BenchOption JAVA_OPTS = BenchOption.text("server-java-opts", "", "",
            "the server's JVM options in place of the launcher's, as AIRLINES_JAVA_OPTS gives them (collector, heap)");

    private ServerJvm() {
    }

    /** The launcher's options for a server without a simulator: see {@link #options(BenchOptions, int)}. */
    static List<String> options(BenchOptions options) {
        return options(options, 0);
    }

    /**
     * The launcher's options for a server that carries this many aircraft (fed from outside or
     * flown by its simulator), with {@code --server-heap}'s heap, or {@code --server-java-opts} in
     * their place.
     */
    static List<String> options(BenchOptions options, int aircraft) {
        String replaced = options.value(JAVA_OPTS).trim();
        if (replaced.isEmpty()) {
            return StartupBenchmark.launcherOptionsWithHeap(options.given(HEAP) ? options.value(HEAP)
                    : StartupBenchmark.launcherHeap(aircraft));
        }
        if (options.given(HEAP)) {
            throw new IllegalArgumentException("--server-heap and --server-java-opts exclude each other: put -Xmx in"
                    + " --server-java-opts");
        }
        return List.of(replaced.split("\\s+"));
    }
}
