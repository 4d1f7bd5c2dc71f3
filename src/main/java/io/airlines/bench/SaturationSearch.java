package io.airlines.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.airlines.bench.PipelineGoals.Judging;
import io.airlines.bench.PipelineGoals.Verdict;

/**
 * The steps of {@code bench pipeline --find-saturation}: fleet sizes from {@code from} up by
 * {@code factor} to {@code max}, run one after the other until one breaks a goal. When the first
 * size already breaks one, the search steps down by the same factor until a size holds (or a single
 * aircraft breaks), so a start set too high still finds the saturation point. Then, at most
 * {@code refinements} times, it runs the size halfway between the most held and the least broken.
 * Sizes are rounded (two significant figures for a step, the gap's scale for a half-way size) so the
 * report reads 17000, not 16875. {@code judging} says which latencies decide whether a size held:
 * over the whole load, or once caught up with the start-up burst.
 */
record SaturationSearch(int from, double factor, int max, int refinements, Judging judging) {

    /** A search judging each size over the whole load. */
    SaturationSearch(int from, double factor, int max, int refinements) {
        this(from, factor, max, refinements, Judging.WHOLE_LOAD);
    }

    SaturationSearch {
        if (from < 1) {
            throw new IllegalArgumentException("--find-saturation must be at least 1 aircraft, not " + from);
        }
        if (!(factor > 1) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("--saturation-factor must be a number above 1, not " + factor);
        }
        if (max < from) {
            throw new IllegalArgumentException("--saturation-max (" + max + ") is below --find-saturation (" + from + ")");
        }
        if (refinements < 0) {
            throw new IllegalArgumentException("--saturation-refine must be 0 or more, not " + refinements);
        }
    }

    /** Runs one fleet size from a clean state and judges it against the goals. */
    @FunctionalInterface
    interface Step {
        Verdict run(int size) throws Exception;
    }

    /**
     * The most aircraft held (0 when even a single aircraft broke a goal), the least that broke one above
     * it (none when every step up to the upper bound held), and every size run, in order.
     */
    record Outcome(int mostHeld, Optional<Verdict> leastBroken, List<Integer> sizesRun, Judging judging) {

        Outcome {
            sizesRun = List.copyOf(sizesRun);
        }

        /** The search's figures for the report: the most held against {@code goal}, then what broke above it. */
        List<Measurement> figures(String benchmark, int goal) {
            List<Measurement> out = new ArrayList<>();
            String held = judging == Judging.WHOLE_LOAD ? "saturation: most aircraft held"
                    : "saturation: most aircraft held once caught up";
            out.add(Measurement.withGoal(benchmark, held, mostHeld, "aircraft", "≥ " + goal, mostHeld >= goal));
            leastBroken.ifPresentOrElse(broken -> {
                out.add(Measurement.of(benchmark, "saturation: least aircraft that broke a goal", broken.size(), "aircraft"));
                broken.broken().forEach(m -> out.add(new Measurement(benchmark, "saturation: broke: " + m.metric(),
                        m.value(), m.unit(), m.goal(), m.met())));
            }, () -> out.add(Measurement.of(benchmark, "saturation: no goal broke up to the upper bound",
                    sizesRun.get(sizesRun.size() - 1), "aircraft")));
            return out;
        }
    }

    /** The sizes stepped through, from {@code from} to {@code max}, both included. */
    List<Integer> steps() {
        List<Integer> steps = new ArrayList<>();
        for (long size = from; size <= max; size = next((int) size, factor)) {
            steps.add((int) size);
        }
        if (steps.get(steps.size() - 1) < max) {
            steps.add(max);
        }
        return steps;
    }

    /** Steps up until a size breaks a goal (down until one holds if the first breaks), then narrows the gap. */
    Outcome run(Step step) throws Exception {
        Bracket bracket = new Bracket(step);
        for (int size : steps()) {
            if (!bracket.run(size)) {
                break;
            }
        }
        while (bracket.held == 0 && bracket.broken != null && bracket.broken.size() > 1) {
            bracket.run(previous(bracket.broken.size(), factor));
        }
        // With nothing held (a single aircraft broke a goal) there is no gap to narrow.
        for (int i = 0; i < refinements && bracket.broken != null && bracket.held > 0; i++) {
            int size = between(bracket.held, bracket.broken.size());
            if (size <= bracket.held || size >= bracket.broken.size()) {
                break;
            }
            bracket.run(size);
        }
        return new Outcome(bracket.held, Optional.ofNullable(bracket.broken), bracket.sizesRun, judging);
    }

    /** The most aircraft held and the least broken so far, and every size run. */
    private static final class Bracket {

        private final Step step;
        private final List<Integer> sizesRun = new ArrayList<>();
        private int held;
        private Verdict broken;

        Bracket(Step step) {
            this.step = step;
        }

        /** Runs {@code size} and narrows the bracket by its verdict: whether it held. */
        boolean run(int size) throws Exception {
            Verdict verdict = step.run(size);
            sizesRun.add(size);
            if (verdict.held()) {
                held = size;
            } else {
                broken = verdict;
            }
            return verdict.held();
        }
    }

    /** {@code size × factor} to two significant figures, and always above {@code size}. */
    static long next(int size, double factor) {
        double raw = size * factor;
        return Math.max(size + 1L, roundTo(raw, Math.floor(Math.log10(raw)) - 1));
    }

    /** {@code size ÷ factor} to two significant figures, always below {@code size} and at least 1. */
    static int previous(int size, double factor) {
        double raw = size / factor;
        long rounded = raw < 1 ? 1 : roundTo(raw, Math.floor(Math.log10(raw)) - 1);
        return (int) Math.max(1, Math.min(size - 1L, rounded));
    }

    /** Half-way between, rounded to the power of ten at most a quarter of the gap (whole numbers at the finest). */
    static int between(int held, int broken) {
        double gap = broken - held;
        return (int) roundTo(held + gap / 2, Math.floor(Math.log10(gap / 4)));
    }

    /** {@code value} rounded to a multiple of 10^{@code exponent}, whole numbers at the finest. */
    private static long roundTo(double value, double exponent) {
        long unit = (long) Math.pow(10, Math.max(0, exponent));
        return Math.round(value / unit) * unit;
    }
}
