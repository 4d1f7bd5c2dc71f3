package io.airlines.ingest;

import java.util.SplittableRandom;

import io.airlines.stream.ReferenceData.Airport;

/**
 * Turns a scheduled leg into the flight an aircraft flies: it pushes back at the scheduled time
 * plus the {@link DelayModel}'s delay, or later when the inbound aircraft needs its minimum
 * turnaround (delays propagate along a rotation); long hauls cruise higher and faster. Pure.
 */
final class FlightMaker {

    static final long SHORT_HAUL_MIN_TURN_MS = 30 * 60_000L;
    static final long LONG_HAUL_MIN_TURN_MS = 60 * 60_000L;

    private final DelayModel delays;

    FlightMaker(DelayModel delays) {
        this.delays = delays;
    }

    DelayModel delays() {
        return delays;
    }

    /** The flight pushing back no earlier than {@code readyAt} (the previous arrival plus turnaround). */
    Flight fly(String flightNumber, String callsign, Airport from, Airport to, long scheduledDeparture, long readyAt,
               boolean longHaul) {
        long offBlock = Math.max(scheduledDeparture + delays.delayMs(flightNumber, scheduledDeparture), readyAt);
        SplittableRandom r = new SplittableRandom(flightNumber.hashCode() * 31L + scheduledDeparture);
        double altitude = longHaul ? 10_700 + r.nextInt(5) * 300 : 9_800 + r.nextInt(6) * 300;
        double speed = longHaul ? 870 + r.nextInt(60) : 780 + r.nextInt(60);
        long taxi = (5 + r.nextInt(9)) * 60_000L;
        return new Flight(flightNumber, callsign, scheduledDeparture, offBlock,
                FlightPlan.between(from, to, altitude, speed, taxi));
    }

    /** When an aircraft that arrived with {@code inbound} can push back again at the earliest. */
    static long readyAfter(Flight inbound, boolean longHaul) {
        return inbound.onBlock() + (longHaul ? LONG_HAUL_MIN_TURN_MS : SHORT_HAUL_MIN_TURN_MS);
    }

    /** Airline ICAO code and the flight number's digits: LH400 of DLH flies as DLH400. */
    static String callsign(String icao, String flightNumber) {
        int i = 0;
        while (i < flightNumber.length() && (i < 2 || !Character.isDigit(flightNumber.charAt(i)))) {
            i++;
        }
        return icao == null ? flightNumber : icao + flightNumber.substring(Math.min(i, flightNumber.length()));
    }
}
