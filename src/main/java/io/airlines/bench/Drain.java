package io.airlines.bench;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How a sink drained a known number of records: the count when the first write was seen, and the
 * time from there to the last one. Polled every 20 ms, so rates below ~50 ms runs are coarse.
 */
public record Drain(long expected, long firstSeen, Duration firstToAll) {

    public interface Check {
        void run() throws Exception;
    }

    public double perSecond() {
        double seconds = Math.max(firstToAll.toNanos() / 1e9, 1e-3);
        return (expected - firstSeen) / seconds;
    }

    public static Drain await(LongSupplier stored, long expected, Duration timeout, Check alive) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long first = -1;
        long firstAt = 0;
        while (true) {
            long now = stored.getAsLong();
            if (first < 0 && now > 0) {
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
