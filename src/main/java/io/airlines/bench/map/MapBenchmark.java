package io.airlines.bench.map;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.airlines.bench.BenchOption;
import io.airlines.bench.BenchOptions;
import io.airlines.bench.Benchmark;
import io.airlines.bench.Measurement;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./airlines bench map}: the live map's frame time in the system's headless Chromium at
 * 2,000 and 25,000 synthetic aircraft (continuous pan and zoom, one full update a second, best of
 * 3 runs), the time to parse and apply one full update in the stream's frame format and, side
 * by side, in the JSON rows, and the SSE bytes per second that many moving aircraft cost in each.
 * Options: {@code --seconds}, {@code --runs}, {@code --chromium}.
 */
class MapBenchmark implements Benchmark {
    private static final BenchOption SECONDS = BenchOption.count("seconds", 10, 3, "seconds of frames measured per size and run");
    private static final BenchOption RUNS = BenchOption.count("runs", 3, 1, "runs per size; figures are medians");
    private static final BenchOption CHROMIUM = BenchOption.text("chromium",
            System.getenv().getOrDefault("AIRLINES_CHROMIUM", "/usr/bin/chromium"),
            System.getenv().getOrDefault("AIRLINES_CHROMIUM", "/usr/bin/chromium"), "the Chromium to run the page in");


    static final String NAME = "map";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<BenchOption> options() {
        return List.of(SECONDS, RUNS, CHROMIUM);
    }

    @Override
    public List<Measurement> run(BenchOptions options) throws Exception {
        int seconds = options.intValue(SECONDS);
        int runs = options.intValue(RUNS);
        Path chromium = Paths.get(options.value(CHROMIUM));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("no Chromium at " + chromium + " (apt-get install chromium, or set AIRLINES_CHROMIUM)");
        }
        List<Measurement> out = new ArrayList<>();
        try (StaticSite site = new StaticSite();
             HeadlessChromium browser = HeadlessChromium.open(chromium, site.url("/bench/map.html"))) {
            browser.waitFor("window.mapBench && window.mapBench.ready", Duration.ofSeconds(60));
            for (int aircraft : new int[] {2_000, 25_000}) {
                List<JsonNode> results = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    results.add(browser.evaluate("window.mapBench.run({aircraft: " + aircraft + ", seconds: " + seconds + "})",
                            Duration.ofSeconds(seconds + 120L)));
                }
                JsonNode best = results.stream().min(Comparator.comparingDouble(r -> r.get("medianMs").asDouble())).orElseThrow();
                out.addAll(measurements(aircraft, best));
            }
            // which GPU path the figures are for (software SwiftShader here): recorded once, as the metric's name
            out.add(new Measurement(NAME, "renderer: " + browser.evaluate("window.mapBench.renderer()", Duration.ofSeconds(10)).asString(),
                    1, "", null, null));
        }
        return out;
    }

    static List<Measurement> measurements(int aircraft, JsonNode r) {
        String at = " @" + String.format("%,d", aircraft);
        boolean big = aircraft >= 25_000;
        double median = r.get("medianMs").asDouble();
        double p95 = r.get("p95Ms").asDouble();
        double apply = r.get("applyMs").asDouble();
        List<Measurement> m = new ArrayList<>();
        m.add(Measurement.withGoal(NAME, "frame median" + at, round(median), "ms", big ? "≤ 33 ms" : "≤ 20 ms", median <= (big ? 33 : 20)));
        m.add(big ? Measurement.withGoal(NAME, "frame p95" + at, round(p95), "ms", "≤ 150 ms", p95 <= 150)
                : Measurement.of(NAME, "frame p95" + at, round(p95), "ms"));
        m.add(Measurement.of(NAME, "frames" + at, r.get("frames").asDouble(), "frames"));
        m.add(Measurement.withGoal(NAME, "full update apply" + at, round(apply), "ms", "≤ 20 ms", apply <= 20));
        double parse = r.get("parseMs").asDouble();
        m.add(big ? Measurement.withGoal(NAME, "full update parse" + at, round(parse), "ms", "≤ 5 ms", parse <= 5)
                : Measurement.of(NAME, "full update parse" + at, round(parse), "ms"));
        m.add(Measurement.of(NAME, "full update parse, best of 10" + at, round(r.get("parseBestMs").asDouble()), "ms"));
        m.add(Measurement.of(NAME, "snapshot parse, with texts" + at, round(r.get("snapshotParseMs").asDouble()), "ms"));
        m.add(Measurement.of(NAME, "full update parse, JSON rows" + at, round(r.get("jsonParseMs").asDouble()), "ms"));
        m.add(Measurement.of(NAME, "full update parse, JSON rows, best of 10" + at, round(r.get("jsonParseBestMs").asDouble()), "ms"));
        m.add(Measurement.of(NAME, "full update apply, JSON rows" + at, round(r.get("jsonApplyMs").asDouble()), "ms"));
        m.add(Measurement.of(NAME, "SSE bytes/s, all moving" + at, r.get("sseBytesPerSecond").asDouble(), "B/s"));
        m.add(Measurement.of(NAME, "SSE bytes/s, all moving, JSON rows" + at, r.get("jsonSseBytesPerSecond").asDouble(), "B/s"));
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
