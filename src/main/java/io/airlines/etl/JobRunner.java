package io.airlines.etl;

import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs jobs one at a time (two runs never overlap: a second start while one runs is refused) and
 * records each in {@code etl_runs}.
 */
@Component
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final EtlRunStore runs;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile String currentJob;
    private volatile RunTracker current;

    public JobRunner(EtlRunStore runs) {
        this.runs = runs;
    }

    public interface Job {
        /** Returns a short summary; throws to fail the run. */
        String run(RunTracker tracker) throws Exception;
    }

    /** Runs the job in this thread; throws {@link JobBusyException} when another one runs. */
    public EtlRun run(String name, Progress progress, Job job) {
        if (!lock.tryLock()) {
            throw new JobBusyException("another ETL job is running; try again when it has finished");
        }
        try {
            String started = Instant.now().toString();
            String id = started + "-" + name;
            RunTracker tracker = new RunTracker(progress);
            currentJob = name;
            current = tracker;
            runs.save(new EtlRun(id, name, started, null, "running", 0, 0, 0, 0, 0, null));
            String status = "succeeded";
            String message;
            try {
                message = job.run(tracker);
                log.info("ETL {} succeeded: {}", name, message);
            } catch (Exception e) {
                status = "failed";
                message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                tracker.error();
                log.error("ETL {} failed: {}", name, message);
            }
            EtlRun run = new EtlRun(id, name, started, Instant.now().toString(), status, tracker.requests(),
                    tracker.pages(), tracker.inserted(), tracker.updated(), tracker.errors(), message);
            runs.save(run);
            return run;
        } finally {
            current = null;
            currentJob = null;
            lock.unlock();
        }
    }

    /** The running job's name and counters, if one runs. */
    public java.util.Optional<java.util.Map<String, Object>> progress() {
        RunTracker t = current;
        String job = currentJob;
        if (t == null || job == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(java.util.Map.of("job", job, "pages", t.pages(), "totalPages", t.totalPages(),
                "inserted", t.inserted(), "updated", t.updated(), "errors", t.errors()));
    }

    public boolean busy() {
        return lock.isLocked();
    }

    /** Refused because a run is in progress. */
    public static class JobBusyException extends RuntimeException {
        public JobBusyException(String message) {
            super(message);
        }
    }
}
