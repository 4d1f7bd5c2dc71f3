package io.airlines.bench;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How a sink drained a known number of records: the count stored when the clock started, and the
 * time from there to the last one. Polled every 20 ms, so rates below ~50 ms runs are coarse.
 */
record Drain(long expected, long firstSeen, Duration firstToAll) {

    public interface Check {
        void run() throws Exception;
    }

    public double perSecond() {
        double seconds = Math.max(firstToAll.toNanos() / 1e9, 1e-3);
        return (expected - firstSeen) / seconds;
    }

    public static Drain await(LongSupplier stored, long expected, Duration timeout, Check alive) {
        return await(stored, stored, expected, timeout, alive);
    }

    /**
     * Like {@link #await(LongSupplier, long, Duration, Check)}, but the clock starts when
     * {@code started} first moves (e.g. records received), for a sink that writes in few large
     * flushes: counting from its first write would leave its first flush out of the time.
     */
    public static Drain await(LongSupplier started, LongSupplier stored, long expected, Duration timeout, Check alive) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long first = -1;
        long firstAt = 0;
        while (true) {
            long now = stored.getAsLong();
            if (first < 0 && started.getAsLong() > 0) {
                first = now;
                firstAt = System.nanoTime();
            }
            if (now >= expected) {
                return new Drain(expected, first, Duration.ofNanos(System.nanoTime() - firstAt));
            }
            try {
                alive.run();
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("stored " + now + " of " + expected + " within " + timeout);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
