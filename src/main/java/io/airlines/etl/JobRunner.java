package io.airlines.etl;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Runs one job of the queue in the caller's thread and records its start and end in {@code etl_runs}. */
@Component
class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final EtlRunStore runs;
    private volatile Running current;

    public JobRunner(EtlRunStore runs) {
        this.runs = runs;
    }

    private record Running(EtlRun run, RunTracker tracker) {
    }

    EtlRun run(EtlRun queued, EtlJob job) {
        EtlRun started = queued.running(Instant.now().toString());
        RunTracker tracker = new RunTracker(Progress.NONE);
        current = new Running(started, tracker);
        try {
            runs.save(started);
            String status = EtlRun.SUCCEEDED;
            String message;
            try {
                message = job.work().run(tracker);
                log.info("ETL {} succeeded: {}", job.name(), message);
            } catch (Exception e) {
                status = EtlRun.FAILED;
                message = reason(e);
                tracker.error();
                log.error("ETL {} failed: {}", job.name(), message);
            }
            EtlRun finished = started.finished(Instant.now().toString(), status, tracker, message);
            runs.save(finished);
            return finished;
        } finally {
            current = null;
        }
    }

    /** Interrupted means the server is stopping; the flag is cleared so that the store still takes the record. */
    private static String reason(Exception e) {
        if (Thread.interrupted() || e instanceof InterruptedException) {
            return EtlRun.STOPPED_WHILE_RUNNING;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The running job's id, name and counters, if one runs. */
    public Optional<Map<String, Object>> progress() {
        Running r = current;
        if (r == null) {
            return Optional.empty();
        }
        RunTracker t = r.tracker();
        return Optional.of(Map.of("id", r.run().id(), "job", r.run().job(), "pages", t.pages(),
                "totalPages", t.totalPages(), "inserted", t.inserted(), "updated", t.updated(), "errors", t.errors()));
    }
}
