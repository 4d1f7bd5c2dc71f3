package io.airlines.stream;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Aircraft erased while a consumer loop may hold records of them, handed over from request
 * threads. {@link #erased} returns once no write is under way, and every write first forgets
 * the aircraft erased since the one before: no write carries an aircraft after its erasure's
 * deletes, which run once {@link #erased} returned (the aircraft already blocked, so nothing new
 * of it is read).
 */
public final class ErasureHandover {

    private final Queue<String> erased = new ConcurrentLinkedQueue<>();
    private final Object writing = new Object();

    /** Hands over an erased aircraft, already blocked; returns once no write is under way. */
    public void erased(String key) {
        synchronized (writing) {
            erased.add(key);
        }
    }

    /** Forgets each aircraft erased since the last write, then writes; erasures wait meanwhile. */
    public void write(Consumer<String> forget, Runnable write) {
        synchronized (writing) {
            for (String key = erased.poll(); key != null; key = erased.poll()) {
                forget.accept(key);
            }
            write.run();
        }
    }
}
