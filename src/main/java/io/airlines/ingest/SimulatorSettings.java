package io.airlines.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulator the server starts ({@code airlines.simulator.*}); 0 aircraft turns it off.
 *
 * @param rate          positions per second per aircraft
 * @param speedup       how many times faster than real time aircraft fly
 * @param timetableWait longest wait at start for the timetable of the coming day (the first start
 *                      writes the demo timetable) before flying what the store holds
 */
@ConfigurationProperties("airlines.simulator")
record SimulatorSettings(
        @DefaultValue("2000") int aircraft,
        @DefaultValue("1") double rate,
        @DefaultValue("42") long seed,
        @DefaultValue("1") double speedup,
        @DefaultValue("5m") Duration timetableWait) {
}
