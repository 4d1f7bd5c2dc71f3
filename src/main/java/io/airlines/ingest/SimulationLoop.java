package io.airlines.ingest;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.airlines.stream.Position;
import io.airlines.stream.ReferenceData;
import org.slf4j.LoggerFactory;

/**
 * Drives a {@link Simulator} in real time: each aircraft reports {@code rate} times a second, the
 * fleet split in slices reported one after another so the load is smooth rather than one burst.
 */
public final class SimulationLoop implements AutoCloseable {

    static final int SLICES = 10;

    private volatile Simulator simulator;
    private final double rate;
    private final Consumer<Position> out;
    private final AtomicLong produced = new AtomicLong();
    private ScheduledExecutorService executor;
    private long tick;

    public SimulationLoop(Simulator simulator, double rate, Consumer<Position> out) {
        if (rate <= 0 || rate > 10) {
            throw new IllegalArgumentException("rate must be in (0, 10] positions per second per aircraft");
        }
        this.simulator = simulator;
        this.rate = rate;
        this.out = out;
    }

    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "airlines-simulator");
            t.setDaemon(true);
            return t;
        });
        long periodMicros = Math.round(1_000_000 / rate / SLICES);
        executor.scheduleAtFixedRate(this::tick, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    private void tick() {
        try {
            int slice = (int) (tick++ % SLICES);
            simulator.positionsAt(System.currentTimeMillis(), slice, SLICES, p -> {
                out.accept(p);
                produced.incrementAndGet();
            });
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(SimulationLoop.class).warn("simulator tick failed: {}", e.toString());
        }
    }

    /**
     * Replans the fleet on changed reference data, between two ticks (aircraft are not thread-safe);
     * {@code replanned} is then given the new plan.
     */
    public synchronized void replan(ReferenceData data, Consumer<Simulator> replanned) {
        if (executor != null) {
            executor.execute(() -> {
                try {
                    simulator = simulator.replanned(data, System.currentTimeMillis());
                    replanned.accept(simulator);
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger(SimulationLoop.class).warn("simulator not replanned: {}", e.toString());
                }
            });
        }
    }

    public long produced() {
        return produced.get();
    }

    public int aircraft() {
        return simulator.size();
    }

    /** How much of the coming day's timetable the fleet flies, as of its last plan. */
    DayCoverage coverage() {
        return simulator.coverage();
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }
}
