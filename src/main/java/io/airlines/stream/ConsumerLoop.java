package io.airlines.stream;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A Kafka poll loop on its own thread, started and stopped with the application. Subclasses do
 * one poll-and-handle step; a failing step is logged and retried with backoff, never fatal. A step
 * that polls with {@link #poll(Duration)} and calls {@link #settled()} once its records are final
 * (committed) loses none to a failure: the consumer is sought back to the first unsettled record
 * of each partition and {@link #rewound()} undoes what the subclass built from them.
 */
public abstract class ConsumerLoop implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final Rewind rewind = new Rewind();
    private volatile boolean running;
    private Thread thread;

    protected ConsumerLoop(String name) {
        this.name = name;
    }

    /** Opens clients; called on the loop's thread. */
    protected abstract void open();

    /** One poll and its handling. */
    protected abstract void step() throws Exception;

    /** The loop's consumer, opened by {@link #open()}; closed and woken up here. */
    protected volatile KafkaConsumer<String, byte[]> consumer;

    /** Closes clients; called on the loop's thread. */
    protected void close() {
        KafkaConsumer<String, byte[]> c = consumer;
        consumer = null;
        if (c != null) {
            c.close(Duration.ofSeconds(5));
        }
    }

    /** Interrupts a blocking poll. */
    protected void wakeup() {
        KafkaConsumer<String, byte[]> c = consumer;
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
        long backoff = 500;
        try {
            open();
            while (running) {
                try {
                    step();
                    backoff = 500;
                } catch (WakeupException e) {
                    if (running) {
                        log.debug("{} woken up", name);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    log.warn("{} failed, retrying in {} ms: {}", name, backoff, e.toString());
                    rewind();
                    pause(backoff);
                    backoff = Math.min(backoff * 2, 30_000);
                }
            }
        } finally {
            try {
                close();
            } catch (RuntimeException e) {
                log.debug("{} close: {}", name, e.toString());
            }
        }
    }

    private void rewind() {
        try {
            KafkaConsumer<String, byte[]> c = consumer;
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
