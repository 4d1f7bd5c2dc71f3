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

    private static final String LIVE_P99 = ": live view latency p99";
    private static final String STORE_P99 = ": store latency p99";
    private static final String ONCE = ": once caught up";
    private static final String CAUGHT_UP = ": caught up (lag ≤ 1 s of input from then on) after";

    /**
     * Which latencies a size is judged on. Both judge the other goals (nothing lost, lag not
     * growing, RSS) the same way.
     */
    enum Judging {
        /** Over the whole load after the warm-up: the catch-up after the start-up burst counts (row 7). */
        WHOLE_LOAD,
        /**
         * Once caught up with the start-up burst, which must happen within the load: what the
         * stream holds warm, apart from the cold start (a JIT-bound minute on two cores).
         */
        ONCE_CAUGHT_UP;

        boolean counts(String metric) {
            boolean steady = metric.contains(ONCE) || metric.endsWith(CAUGHT_UP);
            boolean latency = metric.endsWith(LIVE_P99) || metric.endsWith(STORE_P99);
            return this == WHOLE_LOAD ? !steady : steady || !latency;
        }
    }

    /** A size's verdict over the whole load: see {@link #judge(int, List, Judging)}. */
    static Verdict judge(int size, List<Measurement> figures) {
        return judge(size, figures, Judging.WHOLE_LOAD);
    }

    /** A size's verdict from its figures: every one with a goal that {@code judging} counts, whatever the goal. */
    static Verdict judge(int size, List<Measurement> figures, Judging judging) {
        return new Verdict(size, figures.stream()
                .filter(m -> Boolean.FALSE.equals(m.met()) && judging.counts(m.metric())).toList());
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
        return Measurement.withGoal(benchmark, label + LIVE_P99, millis, "ms", "< 1000 ms", millis < 1000);
    }

    static Measurement storeP99(String benchmark, String label, long millis) {
        return Measurement.withGoal(benchmark, label + STORE_P99, millis, "ms", "< 10000 ms", millis < 10_000);
    }

    /** When the lag came within a second of input for good, in seconds into the load; -1 for never. */
    static Measurement caughtUp(String benchmark, String label, long seconds) {
        return Measurement.withGoal(benchmark, label + CAUGHT_UP, seconds, "s", "within the load", seconds >= 0);
    }

    static Measurement liveP99OnceCaughtUp(String benchmark, String label, long millis) {
        return liveP99(benchmark, label + ONCE, millis);
    }

    static Measurement storeP99OnceCaughtUp(String benchmark, String label, long millis) {
        return storeP99(benchmark, label + ONCE, millis);
    }

    static Measurement lagNotGrowing(String benchmark, String label, LagTrend trend, int perSecond) {
        return Measurement.withGoal(benchmark, label + ": consumer lag max, second half", trend.secondHalf(), "records",
                "not growing (≤ first half + 1 s of input)", trend.holds(perSecond));
    }

    static Measurement rss(String benchmark, String label, double mebibytes) {
        return Measurement.withGoal(benchmark, label + ": server RSS", mebibytes, "MiB", "< 2048 MiB", mebibytes < 2048);
    }
}
