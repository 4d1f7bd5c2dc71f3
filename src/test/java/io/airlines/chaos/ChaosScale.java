package io.airlines.chaos;

/**
 * Sizes of the fault scenarios: short ones in the suite, long ones with
 * {@code ./airlines chaos} (which sets {@code -Dairlines.chaos.scale=long}).
 */
final class ChaosScale {

    private ChaosScale() {
    }

    static boolean longRun() {
        return "long".equalsIgnoreCase(System.getProperty("airlines.chaos.scale", "short"));
    }

    static int of(int shortRun, int longRun) {
        return longRun() ? longRun : shortRun;
    }
}
