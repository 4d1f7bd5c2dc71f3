package io.airlines.bench;

import java.util.List;

/**
 * A benchmark of {@code ./airlines bench}: runs side by side what it compares, in one run, and
 * returns its figures (ratios included). {@code quick} sizes it to finish in well under a minute.
 */
public interface Benchmark {

    /** Short name used on the command line: {@code ./airlines bench <name>}. */
    String name();

    /** The {@code --options} it reads; any other option is refused before anything runs. */
    default List<BenchOption> options() {
        return List.of();
    }

    List<Measurement> run(BenchOptions options) throws Exception;
}
