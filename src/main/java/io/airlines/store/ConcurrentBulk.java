package io.airlines.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;

/**
 * Sends one unordered bulk write as several commands on up to {@code writers} connections at
 * once. A store answers a write once it is on disk: while one command waits for its commit, the
 * next is already being applied, so the store's two halves (applying writes, writing pages) work
 * side by side instead of in turn. Returns only when every command has been answered; if any
 * failed, the first failure is thrown then, so that a retry never races a write still in flight.
 */
final class ConcurrentBulk implements AutoCloseable {

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final int writers;
    private final int maxCommand;
    private final int minCommand;
    private final ExecutorService pool;

    /**
     * @param maxCommand at most this many writes in one command
     * @param minCommand a write smaller than twice this stays one command (a handoff costs more than it saves)
     */
    ConcurrentBulk(int writers, int maxCommand, int minCommand) {
        this.writers = Math.max(1, writers);
        this.maxCommand = maxCommand;
        this.minCommand = minCommand;
        AtomicInteger n = new AtomicInteger();
        this.pool = this.writers == 1 ? null : Executors.newFixedThreadPool(this.writers - 1, r -> {
            Thread t = new Thread(r, "airlines-store-writer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** How {@code n} writes are cut into commands: as even as possible, at most {@code maxCommand} each. */
    static List<int[]> commands(int n, int writers, int maxCommand, int minCommand) {
        int parts = Math.max(1, Math.min(writers, n / minCommand));
        int rounds = (n + parts * maxCommand - 1) / (parts * maxCommand);
        int count = Math.max(1, parts * rounds);
        List<int[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int from = (int) ((long) n * i / count);
            int to = (int) ((long) n * (i + 1) / count);
            if (to > from) {
                out.add(new int[] {from, to});
            }
        }
        return out;
    }

    /** Writes them all; returns the number of commands sent. */
    <T> int write(MongoCollection<T> collection, List<WriteModel<T>> writes) {
        List<int[]> commands = commands(writes.size(), writers, maxCommand, minCommand);
        // Commands in rounds of `writers`: this thread sends one of each round, the pool the others
        // (with one writer, or one command, this thread sends them all).
        RuntimeException failure = null;
        for (int round = 0; round < commands.size(); round += writers) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = round + 1; i < Math.min(commands.size(), round + writers); i++) {
                int[] c = commands.get(i);
                sent.add(pool.submit(() -> send(collection, writes, c)));
            }
            try {
                send(collection, writes, commands.get(round));
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
            for (Future<?> f : sent) {
                failure = await(f, failure);
            }
            if (failure != null) {
                throw failure;
            }
        }
        return commands.size();
    }

    private static <T> void send(MongoCollection<T> collection, List<WriteModel<T>> writes, int[] command) {
        collection.bulkWrite(writes.subList(command[0], command[1]), UNORDERED);
    }

    private static RuntimeException await(Future<?> f, RuntimeException failure) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    f.get();
                    return failure;
                } catch (InterruptedException e) {
                    // The command is on its way either way: wait for its answer before anyone retries.
                    interrupted = true;
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException(e.getCause());
                    return failure == null ? cause : failure;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
