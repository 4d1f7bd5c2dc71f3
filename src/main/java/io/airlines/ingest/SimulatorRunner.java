package io.airlines.ingest;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

import io.airlines.board.Cancellations;
import io.airlines.etl.TimetableReady;
import io.airlines.stream.ReferenceCache;
import io.airlines.stream.ReferenceData;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The built-in simulator of the server, so a new user sees aircraft moving at once. It flies the
 * timetable of the store: on a first start the demo timetable is still being written, and a fleet
 * planned on part of it leaves the rest unflown (the aircraft are all taken), so it waits until the
 * loader says the coming day is in the store ({@link TimetableReady}), up to {@code timetable-wait},
 * then flies what the store holds, airlines' round trips if nothing. When a reload brings a changed
 * timetable, the fleet is replanned in place: every aircraft keeps its identity and flies on from
 * where it is. The timetable's flights it cancels are announced ({@link CancellationNotices}).
 */
@Component
class SimulatorRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SimulatorRunner.class);

    private final SimulatorSettings settings;
    private final RawPositions raw;
    private final ReferenceCache references;
    private final CancellationNotices cancellations;
    private volatile SimulationLoop loop;
    private ScheduledExecutorService waiting;
    private ScheduledFuture<?> timeout;
    private long waitingSince;
    private TimetableReady ready;
    private List<ReferenceData.Scheduled> plannedOn = List.of();

    public SimulatorRunner(SimulatorSettings settings, RawPositions raw, ReferenceCache references,
                           Cancellations cancellations, MeterRegistry registry) {
        this.settings = settings;
        this.raw = raw;
        this.references = references;
        this.cancellations = new CancellationNotices(settings.seed(), cancellations);
        references.onReload(this::reloaded);
        gauge(registry, "airlines.simulator.day.flights", "timetable flights of the coming day at the last plan",
                DayCoverage::legs);
        gauge(registry, "airlines.simulator.day.flown", "of which the simulator flies", DayCoverage::flown);
        gauge(registry, "airlines.simulator.day.cancelled", "of which its airlines cancel", DayCoverage::cancelled);
    }

    /** Absent (NaN) until the simulator flies. */
    private void gauge(MeterRegistry registry, String name, String description, ToIntFunction<DayCoverage> value) {
        Gauge.builder(name, () -> {
            SimulationLoop flying = loop;
            return flying == null ? Double.NaN : value.applyAsInt(flying.coverage());
        }).description(description).register(registry);
    }

    @Override
    public synchronized void start() {
        if (settings.aircraft() <= 0 || isRunning()) {
            return;
        }
        if (settings.timetableWait().isZero()) {
            fly(references.current());
            return;
        }
        waitingSince = System.currentTimeMillis();
        waiting = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "airlines-simulator-wait");
            t.setDaemon(true);
            return t;
        });
        timeout = waiting.schedule(() -> takeOff("what the store holds (no timetable ready within "
                        + settings.timetableWait() + ")"),
                settings.timetableWait().toMillis(), TimeUnit.MILLISECONDS);
        log.info("Simulator waiting up to {} for the timetable of the coming day", settings.timetableWait());
        if (ready != null) {
            String source = ready.source();
            waiting.execute(() -> takeOff(source));
        }
    }

    @EventListener
    synchronized void timetableReady(TimetableReady event) {
        ready = event;
        if (waiting != null) {
            waiting.execute(() -> takeOff(event.source()));
        }
    }

    /** Off the caller's thread: reading the store and planning the fleet take seconds. */
    private void takeOff(String timetable) {
        references.reload();
        synchronized (this) {
            if (waiting != null) {
                log.info("Simulator takes off {} s after start, on {}",
                        (System.currentTimeMillis() - waitingSince) / 1000, timetable);
                fly(references.current());
            }
        }
    }

    private synchronized void reloaded(ReferenceData data) {
        if (loop == null) {
            return;
        }
        cancellations.announce(data.legs(), System.currentTimeMillis());
        if (!data.legs().equals(plannedOn)) {
            plannedOn = data.legs();
            loop.replan(data, simulator -> {
                log.info("Simulator replanned on {} timetable legs", data.legs().size());
                logCoverage(simulator.coverage());
            });
        }
    }

    private void fly(ReferenceData data) {
        stopWaiting();
        Simulator simulator = new Simulator(settings.aircraft(), settings.seed(), settings.speedup(), data,
                System.currentTimeMillis());
        plannedOn = data.legs();
        loop = new SimulationLoop(simulator, settings.rate(), raw::publish);
        loop.start();
        int cancelled = cancellations.announce(data.legs(), System.currentTimeMillis());
        log.info("Simulator flying {} aircraft at {} Hz (seed {}, speedup {}): {} on rotations of {} timetable legs, "
                        + "the rest on round trips from airline bases; {} timetable flights announced cancelled",
                simulator.size(), settings.rate(), settings.seed(), settings.speedup(), simulator.timetableAircraft(),
                data.legs().size(), cancelled);
        logCoverage(simulator.coverage());
    }

    private void logCoverage(DayCoverage day) {
        if (day.unflown() == 0) {
            log.info("Simulator flies all {} timetable flights of the coming day ({} cancelled)", day.flown(),
                    day.cancelled());
        } else {
            log.warn("Simulator flies {} of the {} timetable flights of the coming day ({} cancelled): {} are left "
                            + "unflown and show no live data; AIRLINES_SIMULATOR_AIRCRAFT={} is too small for the timetable",
                    day.flown(), day.legs(), day.cancelled(), day.unflown(), settings.aircraft());
        }
    }

    private void stopWaiting() {
        if (waiting != null) {
            timeout.cancel(false);
            waiting.shutdown();
            waiting = null;
        }
    }

    @Override
    public synchronized void stop() {
        stopWaiting();
        if (loop != null) {
            loop.close();
            loop = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return loop != null || waiting != null;
    }

    public synchronized long produced() {
        return loop == null ? 0 : loop.produced();
    }
}
