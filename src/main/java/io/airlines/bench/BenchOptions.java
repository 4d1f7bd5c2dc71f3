package io.airlines.bench;

import java.nio.file.Path;
import java.util.Map;

/**
 * The options of one {@code ./airlines bench} run: {@code --quick}, where reports go, and the
 * values given on the command line by option name (without {@code --}), {@code store.*} included.
 */
public record BenchOptions(boolean quick, Path workDir, Map<String, String> values) {

    /** The option's value: as given, else its quick or full-run default. */
    public String value(BenchOption option) {
        return values.getOrDefault(option.name(), quick ? option.quick() : option.normal());
    }

    public int intValue(BenchOption option) {
        return Integer.parseInt(value(option));
    }

    public boolean given(BenchOption option) {
        return values.containsKey(option.name());
    }
}
