package io.airlines.lufthansa;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Sliding-window limits shared by every call of the process: at most {@code perSecond} requests
 * in any second and {@code perHour} in any hour. The server stamps a request when it arrives,
 * somewhat after we start it (thread scheduling, connection set-up: longer on a loaded machine),
 * so a request occupies the second window from its start until one second after
 * the earlier of its answer and {@link #JITTER_ALLOWANCE} after its start ({@link Permit#close}):
 * the server never counts one request too many, and a slow answer costs at most that allowance.
 * {@link #pauseFor} holds every caller back: a {@code Retry-After} applies to the whole client.
 */
public final class RateLimiter {

    static final long MARGIN_NANOS = Duration.ofMillis(5).toNanos();
    static final long JITTER_ALLOWANCE = Duration.ofMillis(500).toNanos();
    private static final long SECOND = Duration.ofSeconds(1).toNanos() + MARGIN_NANOS;
    private static final long HOUR = Duration.ofHours(1).toNanos() + MARGIN_NANOS;
    private static final long IN_FLIGHT = Long.MAX_VALUE;

    private final int perSecond;
    private final int perHour;
    /** Answer times of the requests of the last second; {@link #IN_FLIGHT} while unanswered. */
    private final List<long[]> lastSecond = new ArrayList<>();
    private final ArrayDeque<Long> lastHour = new ArrayDeque<>();
    private long pausedUntil = Long.MIN_VALUE;

    public RateLimiter(int perSecond, int perHour) {
        if (perSecond < 1 || perHour < 1) {
            throw new IllegalArgumentException("rate limits must be at least 1");
        }
        this.perSecond = perSecond;
        this.perHour = perHour;
    }

    /** A started request; close it when its answer (or failure) arrived. */
    public final class Permit implements AutoCloseable {
        private final long[] cell;
        private final long started;

        private Permit(long[] cell, long started) {
            this.cell = cell;
            this.started = started;
        }

        @Override
        public void close() {
            synchronized (RateLimiter.this) {
                cell[0] = Math.min(System.nanoTime(), started + JITTER_ALLOWANCE);
                RateLimiter.this.notifyAll();
            }
        }
    }

    /** Blocks until a request may start, and counts it. */
    public synchronized Permit acquire() throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            lastSecond.removeIf(c -> c[0] != IN_FLIGHT && c[0] <= now - SECOND);
            while (!lastHour.isEmpty() && lastHour.peekFirst() <= now - HOUR) {
                lastHour.removeFirst();
            }
            long wait = now < pausedUntil ? pausedUntil - now : 0;
            if (lastSecond.size() >= perSecond) {
                long oldest = lastSecond.stream().mapToLong(c -> c[0]).min().orElse(IN_FLIGHT);
                // All in flight: wait for an answer (close() notifies).
                wait = Math.max(wait, oldest == IN_FLIGHT ? SECOND : oldest + SECOND - now);
            }
            if (lastHour.size() >= perHour) {
                wait = Math.max(wait, lastHour.peekFirst() + HOUR - now);
            }
            if (wait <= 0) {
                long[] cell = {IN_FLIGHT};
                lastSecond.add(cell);
                lastHour.addLast(now);
                return new Permit(cell, now);
            }
            wait(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    /** No request starts before {@code delay} from now. */
    public synchronized void pauseFor(Duration delay) {
        pausedUntil = Math.max(pausedUntil, System.nanoTime() + delay.toNanos());
        notifyAll();
    }

    /** Requests still allowed in the current hour window. */
    public synchronized int remainingThisHour() {
        long now = System.nanoTime();
        return perHour - (int) lastHour.stream().filter(t -> t > now - HOUR).count();
    }
}
