package io.airlines.bench;

import java.nio.file.Path;
import java.util.Map;

/** Options of {@code ./airlines bench}: {@code --quick} and free-form {@code --key value} sizes. */
public record BenchOptions(boolean quick, Path workDir, Map<String, String> values) {

    public int intValue(String key, int normal, int quickValue) {
        String v = values.get(key);
        return v != null ? Integer.parseInt(v) : quick ? quickValue : normal;
    }

    public String value(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }
}
