package io.airlines.bench.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.airlines.bench.BenchOptions;
import io.airlines.bench.Benchmark;
import io.airlines.bench.Measurement;
import io.airlines.web.BrowserTest;
import org.junit.jupiter.api.Test;

/** The renderer benchmark runs from the jar's own classes against the system Chromium. */
class MapBenchmarkIT {

    @Test
    void a_quick_run_measures_frames_updates_and_traffic_at_both_sizes_with_webgl2() throws Exception {
        Benchmark bench = new MapBenchmark();
        List<Measurement> figures = bench.run(new BenchOptions(true, Path.of("target"),
                Map.of("seconds", "2", "runs", "1", "chromium", BrowserTest.chromium().toString())));
        figures.forEach(m -> System.out.println(m.metric() + " = " + m.value() + " " + m.unit()));
        assertThat(bench.name()).isEqualTo("map");
        assertThat(figures).extracting(Measurement::metric).contains("frame median @2,000", "frame median @25,000",
                "frame p95 @25,000", "full update apply @25,000", "full update parse @25,000",
                "full update parse, JSON rows @25,000", "SSE bytes/s, all moving @25,000", "SSE bytes/s, all moving, JSON rows @25,000");
        assertThat(figures).filteredOn(m -> m.metric().startsWith("frames @")).allSatisfy(m -> assertThat(m.value()).isGreaterThan(5));
        assertThat(figures).filteredOn(m -> m.metric().startsWith("SSE bytes/s")).allSatisfy(m -> assertThat(m.value()).isGreaterThan(50_000));
        assertThat(figures).extracting(Measurement::metric).anySatisfy(m -> assertThat(m).startsWith("renderer: WebGL2"));
        // the frames carry the same update in fewer bytes than the rows
        assertThat(value(figures, "SSE bytes/s, all moving @25,000")).isLessThan(value(figures, "SSE bytes/s, all moving, JSON rows @25,000") / 2);
    }

    private static double value(List<Measurement> figures, String metric) {
        return figures.stream().filter(m -> m.metric().equals(metric)).findFirst().orElseThrow().value();
    }
}
