package io.airlines.ingest;

import io.airlines.stream.ReferenceCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** The built-in simulator of the server, so a new user sees aircraft moving at once. */
@Component
class SimulatorRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SimulatorRunner.class);

    private final SimulatorSettings settings;
    private final RawPositions raw;
    private final ReferenceCache references;
    private SimulationLoop loop;
    private volatile boolean flyingBuiltIns;

    public SimulatorRunner(SimulatorSettings settings, RawPositions raw, ReferenceCache references) {
        this.settings = settings;
        this.raw = raw;
        this.references = references;
        // The timetable arrives after start (loaded by the batch side): fly it once it is there.
        references.onReload(data -> {
            if (!data.legs().isEmpty() && flyingBuiltIns) {
                restart();
            }
        });
    }

    private synchronized void restart() {
        if (loop != null) {
            stop();
            start();
        }
    }

    @Override
    public synchronized void start() {
        if (settings.aircraft() <= 0 || loop != null) {
            return;
        }
        io.airlines.stream.ReferenceData data = references.current();
        flyingBuiltIns = data.legs().isEmpty();
        Simulator simulator = new Simulator(settings.aircraft(), settings.seed(), settings.speedup(), data,
                System.currentTimeMillis());
        loop = new SimulationLoop(simulator, settings.rate(), raw::publish);
        loop.start();
        log.info("Simulator flying {} aircraft at {} Hz (seed {}, speedup {}) on {}", settings.aircraft(), settings.rate(),
                settings.seed(), settings.speedup(), flyingBuiltIns ? "random routes between built-in hubs"
                        : data.legs().size() + " timetable legs");
    }

    @Override
    public synchronized void stop() {
        if (loop != null) {
            loop.close();
            loop = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return loop != null;
    }

    public synchronized long produced() {
        return loop == null ? 0 : loop.produced();
    }
}
