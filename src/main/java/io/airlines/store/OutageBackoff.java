package io.airlines.store;

import com.mongodb.MongoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the store is reachable as the sink last found it, and when to try again: the wait
 * doubles with each failure up to a cap. Logged once when the store fails, once when it answers.
 */
final class OutageBackoff {

    /** The sink's own logger: operators look for these lines under its name. */
    private static final Logger log = LoggerFactory.getLogger(PositionSink.class);
    private static final long FIRST_BACKOFF_MS = 1000;
    private static final long MAX_BACKOFF_MS = 30_000;

    private long retryAt;
    private long backoff = FIRST_BACKOFF_MS;
    private volatile String failure;

    void failed(MongoException e, long now) {
        if (failure == null) {
            log.warn("MongoDB write failed, the store sink pauses and retries with backoff: {}", e.getClass().getSimpleName());
        }
        failure = e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
        retryAt = now + backoff;
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }

    void answered() {
        if (failure != null) {
            log.info("MongoDB answers again; the store sink resumes");
        }
        failure = null;
        backoff = FIRST_BACKOFF_MS;
    }

    boolean down() {
        return failure != null;
    }

    boolean retryDue(long now) {
        return now >= retryAt;
    }

    /** Null when healthy, else what failed (no secrets: exception type and first line). */
    String failure() {
        return failure;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
