package io.airlines.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Collects the figures of one bench run and renders them as a table, JSON and Markdown. */
final class BenchReport {

    private final List<Measurement> measurements = new ArrayList<>();
    private final Map<String, String> failures = new LinkedHashMap<>();
    private final Map<String, Double> elapsedSeconds = new LinkedHashMap<>();

    void add(List<Measurement> figures) {
        measurements.addAll(figures);
    }

    void failed(String benchmark, String error) {
        failures.put(benchmark, error);
    }

    void elapsed(String benchmark, double seconds) {
        elapsedSeconds.put(benchmark, seconds);
    }

    static String line(Measurement m) {
        return String.format(Locale.ROOT, "%-40s %14s %-8s %s", m.metric(), number(m.value()), m.unit(),
                m.goal() == null ? "" : (Boolean.TRUE.equals(m.met()) ? "met: " : "NOT met: ") + m.goal());
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-12s %-40s %14s %-8s %s%n", "benchmark", "metric", "value", "unit", "goal"));
        for (Measurement m : measurements) {
            out.append(String.format(Locale.ROOT, "%-12s %s%n", m.benchmark(), line(m)));
        }
        failures.forEach((name, error) -> out.append(String.format(Locale.ROOT, "%-12s FAILED: %s%n", name, error)));
        return out.toString();
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# Benchmark report\n\n");
        md.append("Run at ").append(Instant.now()).append(" on ").append(machine()).append(".\n\n");
        md.append("| benchmark | metric | value | unit | goal | met |\n|---|---|---:|---|---|---|\n");
        for (Measurement m : measurements) {
            md.append("| ").append(m.benchmark()).append(" | ").append(m.metric()).append(" | ")
                    .append(number(m.value())).append(" | ").append(m.unit()).append(" | ")
                    .append(m.goal() == null ? "" : m.goal()).append(" | ")
                    .append(m.met() == null ? "" : m.met() ? "yes" : "**no**").append(" |\n");
        }
        failures.forEach((name, error) -> md.append("\n**").append(name).append(" failed:** ").append(error).append('\n'));
        return md.toString();
    }

    Path write(Path dir) {
        try {
            Files.createDirectories(dir);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("time", Instant.now().toString());
            json.put("machine", machine());
            json.put("measurements", measurements);
            json.put("failures", failures);
            json.put("elapsedSeconds", elapsedSeconds);
            JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
            Files.writeString(dir.resolve("report.json"), mapper.writeValueAsString(json));
            Files.writeString(dir.resolve("report.md"), markdown());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, "
                + ManagementFactory.getRuntimeMXBean().getVmName() + " " + Runtime.version();
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : "%.3f", v);
    }
}
