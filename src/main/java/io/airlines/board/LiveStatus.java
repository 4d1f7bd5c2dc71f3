package io.airlines.board;

import java.time.Instant;

/**
 * The live part of a board row or search leg. Times are UTC instants; {@code delayMinutes} is
 * against the row's own scheduled time (departure on a departures row, arrival on an arrivals
 * row). {@code legId} and {@code transponder} name the flight leg it comes from, when one was seen.
 */
public record LiveStatus(FlightStatus status, Instant estimatedDeparture, Instant estimatedArrival,
                         Instant actualDeparture, Instant actualArrival, Integer delayMinutes,
                         String legId, String transponder) {

    static LiveStatus only(FlightStatus status) {
        return new LiveStatus(status, null, null, null, null, null, null, null);
    }
}
