package io.airlines.store;

import java.time.Instant;

/** What another feature stores of the flights seen, deleted past the retention with positions and events ({@link StoreMaintenance}). */
public interface RetainedData {

    /** Deletes what is older than {@code cutoff}; returns documents deleted. */
    long purgeOlderThan(Instant cutoff);
}
