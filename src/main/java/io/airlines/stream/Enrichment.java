package io.airlines.stream;

import java.time.Instant;

import io.airlines.aircraft.AircraftIdentity;

/**
 * Pure enrichment of a validated position: airline from the callsign's ICAO (or flight number's
 * IATA) prefix, route from the timetable, phase, distance to destination, ETA and predicted delay,
 * and the aircraft's registration, type and country of registration from its address.
 */
public final class Enrichment {

    /** Ground speed below which a flight is not going anywhere, so no ETA. */
    static final double MIN_ETA_SPEED_KMH = 80;
    /** Vertical rate beyond which a flight climbs or descends, m/s. */
    static final double LEVEL_VERTICAL_RATE = 1.5;

    private Enrichment() {
    }

    public static Position enrich(Position p, Position previous, ReferenceData ref) {
        String callsign = p.callsign();
        String flightNumber = p.flightNumber();
        FlightDesignator byCallsign = FlightDesignator.parse(callsign);
        ReferenceData.Airline airline = airlineOf(p, byCallsign, ref);
        if (airline != null) {
            FlightDesignator numbered = callsign != null ? byCallsign : FlightDesignator.parse(flightNumber);
            String number = numbered == null ? null : numbered.number();
            if (flightNumber == null && number != null && airline.iata() != null) {
                flightNumber = airline.iata() + number;
            }
            if (callsign == null && number != null && airline.icao() != null) {
                callsign = airline.icao() + number;
            }
        }
        ReferenceData.Scheduled scheduled = ref.scheduled(flightNumber, p.time());
        String origin = ref.airportCode(p.origin());
        String destination = ref.airportCode(p.destination());
        if (scheduled != null) {
            origin = origin == null ? scheduled.origin() : origin;
            destination = destination == null ? scheduled.destination() : destination;
        }
        origin = origin == null ? p.origin() : origin;
        destination = destination == null ? p.destination() : destination;

        String phase = phase(p, previous);
        ReferenceData.Airport to = ref.airport(destination);
        Double distance = to == null ? null : round1(Geo.distanceKm(p.lat(), p.lon(), to.lat(), to.lon()));
        Long eta = eta(p, phase, distance);
        Integer delay = eta != null && scheduled != null && destination != null
                && destination.equals(scheduled.destination())
                ? (int) Math.round((eta - scheduled.arrival()) / 60_000.0) : null;

        AircraftIdentity identity = ref.aircraft().identify(p.key(), p.registration(), p.aircraftType());
        Position named = new Position(p.key(), callsign, flightNumber, airline == null ? p.airline() : airline.icao(),
                airline == null ? p.airlineName() : airline.name(), origin, destination, p.lat(), p.lon(),
                p.altitude(), p.speed(), p.track(), p.verticalRate(), p.squawk(), p.onGround(), phase, distance,
                eta == null ? null : Instant.ofEpochMilli(eta).toString(), delay, p.source(), p.time(), p.received(),
                p.flag(), identity.registration(), identity.aircraftType(), identity.country());
        return named;
    }

    /** The airline the record names, else the one of its callsign's prefix ({@code byCallsign}), else of its flight number's. */
    private static ReferenceData.Airline airlineOf(Position p, FlightDesignator byCallsign, ReferenceData ref) {
        if (p.airline() != null) {
            ReferenceData.Airline known = ref.airlineByIcao(p.airline());
            if (known != null) {
                return known;
            }
        }
        ReferenceData.Airline fromCallsign = prefixAirline(byCallsign, ref);
        return fromCallsign != null ? fromCallsign : prefixAirline(FlightDesignator.parse(p.flightNumber()), ref);
    }

    private static ReferenceData.Airline prefixAirline(FlightDesignator parsed, ReferenceData ref) {
        if (parsed == null) {
            return null;
        }
        String prefix = parsed.prefix();
        return prefix.length() == 3 ? ref.airlineByIcao(prefix) : ref.airlineByIata(prefix);
    }

    /** ground, climb, cruise or descent. */
    public static String phase(Position p, Position previous) {
        if (Boolean.TRUE.equals(p.onGround())) {
            return "ground";
        }
        if (p.altitude() != null && p.altitude() < 30 && (p.speed() == null || p.speed() < 150)) {
            return "ground";
        }
        Double vr = p.verticalRate();
        if (vr == null && previous != null && p.altitude() != null && previous.altitude() != null
                && p.time() > previous.time()) {
            vr = (p.altitude() - previous.altitude()) / ((p.time() - previous.time()) / 1000.0);
        }
        if (vr != null && vr > LEVEL_VERTICAL_RATE) {
            return "climb";
        }
        if (vr != null && vr < -LEVEL_VERTICAL_RATE) {
            return "descent";
        }
        return "cruise";
    }

    /** Straight-line ETA at the current ground speed; null on the ground or when unknowable. */
    public static Long eta(Position p, String phase, Double distanceKm) {
        if (distanceKm == null || "ground".equals(phase) || p.speed() == null || p.speed() < MIN_ETA_SPEED_KMH) {
            return null;
        }
        return p.time() + Math.round(distanceKm / p.speed() * 3_600_000);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
