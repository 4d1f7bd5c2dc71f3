package io.airlines.store;

import com.mongodb.MongoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the store is reachable as the sink last found it, and what failed. Logged once when
 * the store fails and once when it answers again, however many retries lie between.
 */
final class StoreOutage {

    /** The sink's own logger: operators look for these lines under its name. */
    private static final Logger log = LoggerFactory.getLogger(PositionSink.class);

    private volatile String failure;

    void failed(MongoException e) {
        if (failure == null) {
            log.warn("MongoDB write failed, the store sink pauses and retries with backoff: {}", e.getClass().getSimpleName());
        }
        failure = e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
    }

    void answered() {
        if (failure != null) {
            log.info("MongoDB answers again; the store sink resumes");
        }
        failure = null;
    }

    boolean down() {
        return failure != null;
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
