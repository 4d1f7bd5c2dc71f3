package io.airlines.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.airlines.ingest.Simulator;
import io.airlines.stream.ReferenceData;

/**
 * The built-in simulator alone, as {@code bench pipeline} flies it (built-in reference data, one
 * position per aircraft a second): the CPU time of this thread to build the fleet and to compute
 * one second of positions of the whole fleet, so its cost is known apart from Kafka's.
 */
class SimulatorBenchmark implements Benchmark {

    private static final int WARM_UP_TICKS = 20;
    private static final BenchOption SIZES = BenchOption.text("sizes", "25000", "5000",
            "aircraft simulated, one run per size (comma-separated)");
    private static final BenchOption TICKS = BenchOption.count("ticks", 120, 30, "simulated seconds timed per size");

    @Override
    public String name() {
        return "simulator";
    }

    @Override
    public List<BenchOption> options() {
        return List.of(SIZES, TICKS);
    }

    @Override
    public List<Measurement> run(BenchOptions options) {
        int[] sizes = Arrays.stream(options.value(SIZES).split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        int ticks = options.intValue(TICKS);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        List<Measurement> out = new ArrayList<>();
        for (int size : sizes) {
            long start = System.currentTimeMillis();
            long built = cpu.getCurrentThreadCpuTime();
            Simulator simulator = new Simulator(size, 1000L + size, 1, ReferenceData.builtIn(), start);
            double buildMs = (cpu.getCurrentThreadCpuTime() - built) / 1e6;
            long[] positions = new long[1];
            for (int t = 0; t < WARM_UP_TICKS; t++) {
                simulator.positionsAt(start + t * 1000L, 0, 1, p -> positions[0]++);
            }
            positions[0] = 0;
            long before = cpu.getCurrentThreadCpuTime();
            for (int t = WARM_UP_TICKS; t < WARM_UP_TICKS + ticks; t++) {
                simulator.positionsAt(start + t * 1000L, 0, 1, p -> positions[0]++);
            }
            double tickMs = (cpu.getCurrentThreadCpuTime() - before) / 1e6 / ticks;
            String label = size + " aircraft";
            out.add(Measurement.of(name(), label + ": build the fleet (CPU)", buildMs, "ms"));
            out.add(Measurement.of(name(), label + ": one tick, every aircraft (CPU)", tickMs, "ms"));
            out.add(Measurement.of(name(), label + ": positions per tick", (double) positions[0] / ticks, "positions"));
            out.add(Measurement.of(name(), label + ": CPU per position", tickMs * 1000 * ticks / Math.max(1, positions[0]),
                    "µs"));
        }
        return out;
    }
}
