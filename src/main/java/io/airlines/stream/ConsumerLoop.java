package io.airlines.stream;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A Kafka poll loop on its own thread, started and stopped with the application. Subclasses do
 * one poll-and-handle step; a failing step is logged and retried with backoff, never fatal. A step
 * that polls with {@link #poll(Duration)} and calls {@link #settled()} once its records are final
 * (committed) loses none to a failure: the consumer is sought back to the first unsettled record
 * of each partition and {@link #rewound()} undoes what the subclass built from them. During the
 * backoff the consumer reads nothing but keeps polling ({@link ReadHold}), so a rebalance never
 * waits for a loop whose dependency is down.
 */
public abstract class ConsumerLoop implements SmartLifecycle {

    /** The longest a held consumer goes without polling: how long a rebalance may wait for it. */
    private static final long HELD_POLL_MS = 200;

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final LongSupplier clock;
    private final Rewind rewind = new Rewind();
    private final ReadHold hold = new ReadHold();
    private volatile boolean running;
    private Thread thread;

    protected ConsumerLoop(String name) {
        this(name, System::currentTimeMillis);
    }

    ConsumerLoop(String name, LongSupplier clock) {
        this.name = name;
        this.clock = clock;
    }

    /** Opens clients; called on the loop's thread. */
    protected abstract void open();

    /** One poll and its handling. */
    protected abstract void step() throws Exception;

    /** The loop's consumer, opened by {@link #open()}; closed and woken up here. */
    protected volatile Consumer<String, byte[]> consumer;

    /** Closes clients; called on the loop's thread. */
    protected void close() {
        Consumer<String, byte[]> c = consumer;
        consumer = null;
        if (c != null) {
            c.close(Duration.ofSeconds(5));
        }
    }

    /** Interrupts a blocking poll. */
    protected void wakeup() {
        Consumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    /** Polls, remembering where each partition's records start so a failed step can read them again. */
    protected final ConsumerRecords<String, byte[]> poll(Duration timeout) {
        ConsumerRecords<String, byte[]> records = consumer.poll(timeout);
        rewind.polled(records);
        return records;
    }

    /**
     * Commits the positions polled and waits for the broker. {@link #stop()} wakes the consumer up
     * to end a blocking poll; a wakeup that lands while a step is busy elsewhere waits for the
     * consumer's next blocking call and would make this commit throw instead. At close that also
     * skipped closing the consumer: the group was not told, and another instance waited the
     * session timeout (45 s) for the partitions. Thrown once, the wakeup is spent: commit again.
     */
    protected final void commitSync() {
        try {
            consumer.commitSync();
        } catch (WakeupException e) {
            consumer.commitSync();
        }
    }

    /** Every record polled so far is final (committed, or needs no commit): a failure goes back no further. */
    protected final void settled() {
        rewind.settled();
    }

    /**
     * Called after a failed step, once the consumer is back at the first unsettled records: state
     * built from them since they were settled must be undone, as they are about to be handled again.
     */
    protected void rewound() {
    }

    protected boolean enabled() {
        return true;
    }

    @Override
    public synchronized void start() {
        if (running || !enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            open();
            while (running && turn()) {
                // Each turn steps, or keeps a held consumer in its group.
            }
        } finally {
            try {
                close();
            } catch (RuntimeException e) {
                log.debug("{} close: {}", name, e.toString());
            }
        }
    }

    /** One step, or while held one poll that reads nothing; false once the thread is interrupted. */
    final boolean turn() {
        try {
            if (hold.held()) {
                keepInGroup();
                return true;
            }
            step();
            hold.succeeded();
        } catch (WakeupException e) {
            if (running) {
                log.debug("{} woken up", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            rewind();
            long backoff = hold.hold(consumer, clock.getAsLong());
            log.warn("{} failed, reads nothing for {} ms and retries: {}", name, backoff, e.toString());
        }
        return true;
    }

    private void keepInGroup() {
        long wait = hold.remaining(clock.getAsLong());
        if (wait == 0) {
            hold.release(consumer);
            return;
        }
        hold.putBack(consumer, consumer.poll(Duration.ofMillis(Math.min(wait, HELD_POLL_MS))));
    }

    /**
     * Goes back to the first unsettled record of each partition and undoes what was built from
     * them: after a failed step, or where a failure cannot be thrown (a rebalance callback).
     */
    protected final void rewind() {
        try {
            Consumer<String, byte[]> c = consumer;
            if (c != null) {
                rewind.seekBack(c);
            }
            rewound();
        } catch (RuntimeException e) {
            log.warn("{} could not go back to its unsettled records: {}", name, e.toString());
        }
    }

    protected final boolean running() {
        return running;
    }

    protected static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        Thread t;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            t = thread;
        }
        wakeup();
        try {
            t.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
