package io.airlines.board;

import java.time.Instant;

import io.airlines.flight.FlightLeg;
import io.airlines.flight.FlightLeg.LegStatus;
import io.airlines.flight.FlightLeg.RouteSource;

/** Flight legs for tests, as the leg pipeline writes them. */
public final class Legs {

    private Legs() {
    }

    /** A leg of {@code flightNumber} first seen at {@code firstSeen}, with its observed times (null: not seen). */
    public static FlightLeg leg(String transponder, String flightNumber, String origin, String destination,
                                Instant firstSeen, Instant offBlock, Instant takeoff, Instant landing, LegStatus status) {
        Instant lastSeen = landing != null ? landing : takeoff != null ? takeoff : offBlock != null ? offBlock : firstSeen;
        return new FlightLeg(FlightLeg.idOf(firstSeen, transponder), transponder, "D-AIXA", "A359", "Germany",
                "DLH" + flightNumber.substring(2), flightNumber, "DLH", "Lufthansa", origin, destination,
                RouteSource.OBSERVED, null, null, offBlock, takeoff, landing, null, firstSeen, lastSeen, null, status,
                null, 0, 1);
    }
}
