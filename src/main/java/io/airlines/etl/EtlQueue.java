package io.airlines.etl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every ETL job goes through this queue: one runs at a time, in order of arrival, each recorded in
 * {@code etl_runs} from the moment it is accepted ({@code queued}). A job identical to one still
 * waiting is not queued twice: the caller gets the waiting run. At most
 * {@code AIRLINES_ETL_QUEUE_SIZE} runs wait; beyond, {@link #submit} refuses.
 *
 * <p>Runs are not carried over a restart: the caller who was answered 202 may have gone, and the
 * next nightly run or a new request asks again. So runs still waiting when the process stops are
 * marked failed ("server stopped before the run started"), and at start any run a killed process
 * left queued or running is marked failed too. Every accepted run thus ends succeeded or failed.
 */
@Component
class EtlQueue {

    private static final Logger log = LoggerFactory.getLogger(EtlQueue.class);

    private final JobRunner runner;
    private final EtlRunStore runs;
    private final int capacity;
    /** Accepted and not started yet, by {@link EtlJob#key()}, in order of arrival. */
    private final Map<String, Accepted> waiting = new LinkedHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "etl");
        t.setDaemon(true);
        return t;
    });
    private Instant lastQueuedAt = Instant.EPOCH;

    public EtlQueue(JobRunner runner, EtlRunStore runs, LufthansaEtlSettings settings) {
        this.runner = runner;
        this.runs = runs;
        this.capacity = Math.max(1, settings.queueSize());
    }

    /** An accepted run: its id and, once it has run, its outcome. */
    public record Accepted(EtlRun queued, CompletableFuture<EtlRun> outcome) {
        public String id() {
            return queued.id();
        }
    }

    /** Refused because {@code AIRLINES_ETL_QUEUE_SIZE} runs already wait. */
    public static class QueueFullException extends RuntimeException {
        QueueFullException(int capacity) {
            super("the ETL queue is full (" + capacity + " runs waiting); try again when some have run");
        }
    }

    /** Before any request can be queued: runs left unfinished by a process that was killed. */
    @PostConstruct
    void failLeftovers() {
        String now = Instant.now().toString();
        for (EtlRun run : runs.unfinished()) {
            runs.save(run.abandoned(now, EtlRun.QUEUED.equals(run.status()) ? EtlRun.STOPPED_BEFORE_START
                    : EtlRun.STOPPED_WHILE_RUNNING));
            log.warn("ETL {} run {} was left {} by the previous process: marked failed", run.job(), run.id(),
                    run.status());
        }
    }

    /** Queues the job, or returns the identical one already waiting; throws {@link QueueFullException}. */
    public synchronized Accepted submit(EtlJob job) {
        Accepted same = waiting.get(job.key());
        if (same != null) {
            return same;
        }
        if (waiting.size() >= capacity) {
            throw new QueueFullException(capacity);
        }
        Instant now = Instant.now();
        // Ids are unique and sort in order of arrival even when two jobs arrive within one clock tick.
        lastQueuedAt = now.isAfter(lastQueuedAt) ? now : lastQueuedAt.plusNanos(1000);
        EtlRun queued = EtlRun.queued(lastQueuedAt + "-" + job.name(), job.name(), job.params(),
                lastQueuedAt.toString());
        Accepted accepted = new Accepted(queued, new CompletableFuture<>());
        // The worker cannot start it before this method returns (it takes this lock first), and skips
        // it unless it is still waiting: a run the store refused to record is never run.
        worker.execute(() -> run(job, accepted));
        waiting.put(job.key(), accepted);
        try {
            runs.save(queued);
        } catch (RuntimeException e) {
            waiting.remove(job.key());
            throw e;
        }
        log.info("ETL {} {} queued as {}", job.name(), job.params(), queued.id());
        return accepted;
    }

    private void run(EtlJob job, Accepted accepted) {
        synchronized (this) {
            if (waiting.remove(job.key()) != accepted) {
                return; // stop() has marked it failed, or it was never recorded
            }
        }
        EtlRun outcome;
        try {
            outcome = runner.run(accepted.queued(), job);
        } catch (RuntimeException e) {
            // The run could not even be recorded (the store is failing): say so, the caller still gets an end.
            log.error("ETL {} run {} could not be recorded: {}", job.name(), accepted.id(), e.toString());
            outcome = accepted.queued().abandoned(Instant.now().toString(), "could not record the run: " + e);
        }
        accepted.outcome().complete(outcome);
    }

    /** Interrupts the running job, which then records itself failed, and fails the waiting ones. */
    @PreDestroy
    void stop() throws InterruptedException {
        List<Accepted> left;
        synchronized (this) {
            worker.shutdownNow();
            left = new ArrayList<>(waiting.values());
            waiting.clear();
        }
        String now = Instant.now().toString();
        for (Accepted a : left) {
            EtlRun failed = a.queued().abandoned(now, EtlRun.STOPPED_BEFORE_START);
            runs.save(failed);
            a.outcome().complete(failed);
        }
        if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
            log.warn("The running ETL job did not stop within 5 s; the next start marks it failed");
        }
    }
}
