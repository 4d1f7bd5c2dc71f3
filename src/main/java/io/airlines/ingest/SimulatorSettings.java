package io.airlines.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulator the server starts ({@code airlines.simulator.*}); 0 aircraft turns it off.
 *
 * @param rate    positions per second per aircraft
 * @param speedup how many times faster than real time aircraft fly
 */
@ConfigurationProperties("airlines.simulator")
record SimulatorSettings(
        @DefaultValue("2000") int aircraft,
        @DefaultValue("1") double rate,
        @DefaultValue("42") long seed,
        @DefaultValue("1") double speedup) {
}
