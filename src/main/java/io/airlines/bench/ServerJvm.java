package io.airlines.bench;

import java.util.List;

/**
 * The options a benchmark's server JVM runs with: the launcher's by default, so figures are those of
 * {@code ./airlines start}; {@code --server-heap} or {@code --server-java-opts} to see what another
 * heap or collector changes, side by side with the default in the next run.
 */
final class ServerJvm {

    static final BenchOption HEAP = BenchOption.text("server-heap", StartupBenchmark.LAUNCHER_HEAP,
            StartupBenchmark.LAUNCHER_HEAP, "the server's maximum heap (-Xmx), the launcher's by default");
    static final BenchOption JAVA_OPTS = BenchOption.text("server-java-opts", "", "",
            "the server's JVM options in place of the launcher's, as AIRLINES_JAVA_OPTS gives them (collector, heap)");

    private ServerJvm() {
    }

    /** The launcher's options, with {@code --server-heap}'s heap, or {@code --server-java-opts} in their place. */
    static List<String> options(BenchOptions options) {
        String replaced = options.value(JAVA_OPTS).trim();
        if (replaced.isEmpty()) {
            return StartupBenchmark.launcherOptionsWithHeap(options.value(HEAP));
        }
        if (options.given(HEAP)) {
            throw new IllegalArgumentException("--server-heap and --server-java-opts exclude each other: put -Xmx in"
                    + " --server-java-opts");
        }
        return List.of(replaced.split("\\s+"));
    }
}
