package io.airlines.bench;

/**
 * One figure of a benchmark run. {@code goal} is the target in words (e.g. "≥ 2× connector"),
 * {@code met} whether this run reached it (null when the figure has no goal).
 */
public record Measurement(String benchmark, String metric, double value, String unit, String goal, Boolean met) {

    public static Measurement of(String benchmark, String metric, double value, String unit) {
        return new Measurement(benchmark, metric, value, unit, null, null);
    }

    public static Measurement withGoal(String benchmark, String metric, double value, String unit,
                                       String goal, boolean met) {
        return new Measurement(benchmark, metric, value, unit, goal, met);
    }
}
