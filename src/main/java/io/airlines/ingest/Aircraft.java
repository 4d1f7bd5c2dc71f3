package io.airlines.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.airlines.stream.Position;

/**
 * One simulated aircraft: its identity and the flights of its rotation, each departing from where
 * the previous one arrived. It reports while it taxis and flies and while it turns around at a
 * gate; parked for longer (overnight), before its first flight or after its last, its
 * transponder is off. A rotation with an {@link Extension} grows as time passes.
 */
final class Aircraft {

    /** A turnaround longer than this is spent with the transponder off. */
    static final long PARKED_SILENT_AFTER_MS = 2 * 3_600_000L;

    /** The next flight of an endless rotation, after the last one flown. */
    interface Extension {
        Flight after(Flight last);
    }

    /**
     * Where an aircraft's rotation stands when the plan changes: the last flight that pushed back
     * ({@code last}, null before the first) and the flights after it.
     */
    record Carried(Aircraft aircraft, Flight last, List<Flight> pending) {
    }

    private final AircraftIdentity identity;
    private final String carrier;
    private final boolean longHaul;
    private final String squawk;
    private final List<Flight> flights;
    private final Extension extension;
    private int cursor;
    // What positionAt needs from one pushback to the next, so that most ticks read this object only.
    private long segmentStart = Long.MAX_VALUE;
    private long segmentEnd = Long.MIN_VALUE;
    private Flight current;
    private String origin;
    private String destination;
    private long currentOffBlock;
    private long currentOnBlock;
    private FlightPlan.State parked;

    Aircraft(AircraftIdentity identity, String carrier, boolean longHaul, String squawk, List<Flight> flights,
             Extension extension) {
        if (flights.isEmpty()) {
            throw new IllegalArgumentException("an aircraft needs at least one flight");
        }
        this.identity = identity;
        this.carrier = carrier;
        this.longHaul = longHaul;
        this.squawk = squawk;
        this.flights = new ArrayList<>(flights);
        this.extension = extension;
    }

    AircraftIdentity identity() {
        return identity;
    }

    String carrier() {
        return carrier;
    }

    boolean longHaul() {
        return longHaul;
    }

    String squawk() {
        return squawk;
    }

    List<Flight> flights() {
        return flights;
    }

    /** Where its rotation stands at {@code simNow}. */
    Carried carriedAt(long simNow) {
        Flight f = flightAt(simNow);
        if (f.offBlock() > simNow) {
            return new Carried(this, null, List.copyOf(flights));
        }
        return new Carried(this, f, List.copyOf(flights.subList(cursor + 1, flights.size())));
    }

    /** The flights that pushed back by {@code simNow}, as {@link Flight#key()}s. */
    void flownBy(long simNow, Set<String> keys) {
        for (Flight f : flights) {
            if (f.offBlock() <= simNow) {
                keys.add(f.key());
            }
        }
    }

    /** Where the aircraft is at simulated time {@code simNow}, stamped {@code wallMs}; null while silent. */
    Position positionAt(long simNow, long wallMs) {
        if (simNow < segmentStart || simNow >= segmentEnd) {
            locate(simNow);
        }
        if (current == null) {
            return null;
        }
        if (simNow < currentOnBlock) {
            return position(current.plan().at(simNow - currentOffBlock), wallMs);
        }
        return parked == null ? null : position(parked, wallMs);
    }

    private void locate(long simNow) {
        Flight f = flightAt(simNow);
        if (f.offBlock() > simNow) {
            current = null;
            segmentStart = Long.MIN_VALUE;
            segmentEnd = f.offBlock();
            return;
        }
        Flight next = cursor + 1 < flights.size() ? flights.get(cursor + 1) : null;
        current = f;
        origin = f.from().code();
        destination = f.to().code();
        currentOffBlock = f.offBlock();
        currentOnBlock = f.onBlock();
        segmentStart = currentOffBlock;
        segmentEnd = next == null ? Long.MAX_VALUE : next.offBlock();
        boolean turnsAround = next != null && next.offBlock() - currentOnBlock <= PARKED_SILENT_AFTER_MS;
        parked = turnsAround ? next.plan().parkedBefore() : null;
    }

    /** The last flight that pushed back by {@code simNow}, else the first. */
    Flight flightAt(long simNow) {
        while (extension != null && flights.get(flights.size() - 1).offBlock() <= simNow) {
            flights.add(extension.after(flights.get(flights.size() - 1)));
        }
        if (flights.get(cursor).offBlock() > simNow) {
            cursor = 0;
        }
        while (cursor + 1 < flights.size() && flights.get(cursor + 1).offBlock() <= simNow) {
            cursor++;
        }
        return flights.get(cursor);
    }

    private Position position(FlightPlan.State s, long wallMs) {
        return new Position(identity.address(), current.callsign(), current.flightNumber(), null, null, origin,
                destination, round(s.lat(), 1e5), round(s.lon(), 1e5), round(s.altitude(), 1), round(s.speed(), 10),
                round(s.track(), 10), s.verticalRate(), squawk, s.onGround(), null, null, null, null,
                Position.SIMULATOR, wallMs, null, null, identity.registration(), identity.type(), identity.country());
    }

    private static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }
}
