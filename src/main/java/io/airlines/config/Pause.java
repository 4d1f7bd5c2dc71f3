package io.airlines.config;

import java.time.Duration;

/** Waiting out a backoff or a simulated latency in a worker thread that may be interrupted. */
public final class Pause {

    private Pause() {
    }

    /** False when interrupted, with the thread's interrupt flag set again for the caller to see. */
    public static boolean of(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
