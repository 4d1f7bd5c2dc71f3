package io.airlines.store;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import static io.airlines.config.SettingsCheck.*;

/**
 * The position store ({@code airlines.store.*}).
 *
 * @param trackMode        {@code thinned} keeps points where the flight changed, {@code full} keeps all
 * @param bucketSpan       time covered by one track document
 * @param flushInterval    how long points collect in memory before one bulk write (and offset commit)
 * @param stateInterval    how often a flight's {@code flight_state} document is refreshed at most; an
 *                         aircraft standing still is refreshed every 5 minutes
 * @param retention        how long positions and events are kept
 * @param maxPendingPoints flush early when this many points wait in memory (bounds the heap during a
 *                         replay after a crash: about 170 bytes each). With a backlog, each write then
 *                         carries some 40 points per flight at 5,000 flights, so segments start
 *                         larger and the store takes fewer documents per point (bench sink)
 * @param caughtUpFlushInterval once the sink has read everything there is, it flushes after this
 *                         long instead of {@code flushInterval}
 * @param writers          connections a large write is spread over at once: while the store commits
 *                         one part to disk it applies the next
 */
@ConfigurationProperties("airlines.store")
public record StoreSettings(
        @DefaultValue("thinned") String trackMode,
        @DefaultValue("5m") Duration bucketSpan,
        @DefaultValue("2s") Duration flushInterval,
        @DefaultValue("10s") Duration stateInterval,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("1h") Duration purgeInterval,
        @DefaultValue("200000") int maxPendingPoints,
        @DefaultValue("5ms") Duration caughtUpFlushInterval,
        @DefaultValue("2") int writers) {

    public StoreSettings {
        oneOf("trackMode", trackMode, Set.of("thinned", "full"));
        positive("bucketSpan", bucketSpan);
        positive("flushInterval", flushInterval);
        positive("stateInterval", stateInterval);
        positive("retention", retention);
        positive("purgeInterval", purgeInterval);
        atLeast("maxPendingPoints", maxPendingPoints, 1);
        positive("caughtUpFlushInterval", caughtUpFlushInterval);
        between("writers", writers, 1, 64);
    }

    public boolean full() {
        return "full".equalsIgnoreCase(trackMode);
    }
}
