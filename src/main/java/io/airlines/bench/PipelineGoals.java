package io.airlines.bench;

import java.util.List;

import io.airlines.bench.PipelineBenchmark.LagTrend;

/**
 * The pipeline's goals at one fleet size (docs/benchmarks.md, row 7), each as the figure it is
 * judged on, and the verdict over a size's figures: one definition for the table's "met" and for
 * the saturation search.
 */
final class PipelineGoals {

    private PipelineGoals() {
    }

    /** What one fleet size showed: held when no figure missed its goal, else those that did, in order. */
    record Verdict(int size, List<Measurement> broken) {

        Verdict {
            broken = List.copyOf(broken);
        }

        boolean held() {
            return broken.isEmpty();
        }
    }

    /** A size's verdict from all its figures: every one with a goal counts, whatever the goal. */
    static Verdict judge(int size, List<Measurement> figures) {
        return new Verdict(size, figures.stream().filter(m -> Boolean.FALSE.equals(m.met())).toList());
    }

    /** Records neither stored, thinned, duplicate nor DLQ'd; with a backlog left they are not lost, but not held either. */
    static Measurement lost(String benchmark, String label, long unaccounted, boolean drained) {
        if (drained) {
            return Measurement.withGoal(benchmark, label + ": lost", unaccounted, "records", "0", unaccounted == 0);
        }
        // Still in Kafka, not lost: the pipeline did not catch up within the drain time.
        return Measurement.withGoal(benchmark, label + ": backlog left after 5 min drain", unaccounted, "records",
                "0 (drained)", false);
    }

    static Measurement liveP99(String benchmark, String label, long millis) {
        return Measurement.withGoal(benchmark, label + ": live view latency p99", millis, "ms", "< 1000 ms", millis < 1000);
    }

    static Measurement storeP99(String benchmark, String label, long millis) {
        return Measurement.withGoal(benchmark, label + ": store latency p99", millis, "ms", "< 10000 ms", millis < 10_000);
    }

    static Measurement lagNotGrowing(String benchmark, String label, LagTrend trend, int perSecond) {
        return Measurement.withGoal(benchmark, label + ": consumer lag max, second half", trend.secondHalf(), "records",
                "not growing (≤ first half + 1 s of input)", trend.holds(perSecond));
    }

    static Measurement rss(String benchmark, String label, double mebibytes) {
        return Measurement.withGoal(benchmark, label + ": server RSS", mebibytes, "MiB", "< 2048 MiB", mebibytes < 2048);
    }
}
