package io.airlines.stream;

/**
 * Milliseconds in fixed buckets (5 ms below 1 s, 100 ms up to 60 s, then one overflow bucket):
 * cheap enough to record every record, precise enough for p50/p99.
 */
public final class LatencyHistogram {

    private static final int FINE = 200;
    private static final int COARSE = 590;
    private final long[] counts = new long[FINE + COARSE + 1];
    private long total;

    public synchronized void record(long ms) {
        counts[index(Math.max(0, ms))]++;
        total++;
    }

    public synchronized void reset() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
    }

    public synchronized long count() {
        return total;
    }

    /** The upper bound of the bucket holding quantile {@code q} (0..1), or 0 when empty. */
    public synchronized long quantile(double q) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return upper(i);
            }
        }
        return upper(counts.length - 1);
    }

    private static int index(long ms) {
        if (ms < 1000) {
            return (int) (ms / 5);
        }
        long i = FINE + (ms - 1000) / 100;
        return (int) Math.min(i, FINE + COARSE);
    }

    private static long upper(int i) {
        return i < FINE ? (i + 1) * 5L : 1000 + (i - FINE + 1) * 100L;
    }
}
