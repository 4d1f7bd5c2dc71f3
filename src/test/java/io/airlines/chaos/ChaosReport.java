package io.airlines.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The figures of one fault scenario: produced, acknowledged, stored, thinned, duplicated, lost
 * and whatever else it measured, printed and written to {@code target/chaos/<scenario>.json}.
 */
record ChaosReport(String scenario, Map<String, ? extends Number> figures) {

    void write() {
        String json = figures.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{\"scenario\":\"" + scenario + "\",\"scale\":\""
                        + (ChaosScale.longRun() ? "long" : "short") + "\",", "}"));
        System.out.println("chaos " + json);
        try {
            Path dir = Files.createDirectories(Path.of("target", "chaos"));
            Files.writeString(dir.resolve(scenario + ".json"), json + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
