package io.airlines.board;

import java.time.Instant;
import java.util.Locale;

/**
 * One flight as the timetable lists it at one airport: a departure ({@code scheduled} is its
 * departure time) or an arrival ({@code scheduled} is its arrival time).
 */
public record TimetableFlight(String flightNumber, String origin, String destination, Side side, Instant scheduled,
                              boolean cancelled) {

    public enum Side { DEPARTURE, ARRIVAL }

    public static TimetableFlight departure(String flightNumber, String origin, String destination, Instant scheduled) {
        return new TimetableFlight(flightNumber, origin, destination, Side.DEPARTURE, scheduled, false);
    }

    public static TimetableFlight arrival(String flightNumber, String origin, String destination, Instant scheduled) {
        return new TimetableFlight(flightNumber, origin, destination, Side.ARRIVAL, scheduled, false);
    }

    public TimetableFlight asCancelled() {
        return new TimetableFlight(flightNumber, origin, destination, side, scheduled, true);
    }

    /** The airport whose board lists it. */
    public String airport() {
        return side == Side.DEPARTURE ? origin : destination;
    }

    /** The other end of the flight. */
    String otherAirport() {
        return side == Side.DEPARTURE ? destination : origin;
    }

    /** Flight numbers compared without spaces or case: {@code LH 400} is {@code LH400}. */
    static String normalized(String flightNumber) {
        return flightNumber == null ? "" : flightNumber.replace(" ", "").toUpperCase(Locale.ROOT);
    }
}
