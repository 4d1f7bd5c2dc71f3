package io.airlines.stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The canonical position of one flight at one instant, as carried on {@code flights.positions}
 * and served as the flight state. Units: altitude m, speed km/h, track degrees, vertical rate m/s,
 * times epoch milliseconds UTC. Unknown values are null. Enrichment fields (airline name, phase,
 * distance, ETA, delay) are filled by the pipeline, not by sources. Aircraft identity: a source may
 * carry the {@code registration} and ICAO {@code aircraftType}; enrichment fills them from the
 * aircraft database when it knows them, and {@code country} (of registration) from the address.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Position(
        String key,
        String callsign,
        String flightNumber,
        String airline,
        String airlineName,
        String origin,
        String destination,
        Double lat,
        Double lon,
        Double altitude,
        Double speed,
        Double track,
        Double verticalRate,
        String squawk,
        Boolean onGround,
        String phase,
        Double distanceToDestinationKm,
        String eta,
        Integer delayMinutes,
        String source,
        long time,
        Long received,
        String flag,
        String registration,
        String aircraftType,
        String country) {

    public static final String SIMULATOR = "simulator";
    public static final String SBS = "sbs";
    public static final String OPENSKY = "opensky";
    public static final String SEED = "seed";
    public static final String HTTP = "http";

    /** A source's raw observation: no enrichment yet. */
    public static Position observed(String key, String callsign, double lat, double lon, Double altitude,
                                    Double speed, Double track, Double verticalRate, String squawk,
                                    Boolean onGround, String source, long time) {
        return new Position(key, callsign, null, null, null, null, null, lat, lon, altitude, speed, track,
                verticalRate, squawk, onGround, null, null, null, null, source, time, null, null, null, null, null);
    }

    public boolean airborne() {
        return !Boolean.TRUE.equals(onGround);
    }

    public Position withReceived(long receivedAt, String newFlag) {
        return new Position(key, callsign, flightNumber, airline, airlineName, origin, destination, lat, lon,
                altitude, speed, track, verticalRate, squawk, onGround, phase, distanceToDestinationKm, eta,
                delayMinutes, source, time, receivedAt, newFlag, registration, aircraftType, country);
    }

    public Position withRoute(String newFlightNumber, String newOrigin, String newDestination) {
        return new Position(key, callsign, newFlightNumber, airline, airlineName, newOrigin, newDestination,
                lat, lon, altitude, speed, track, verticalRate, squawk, onGround, phase, distanceToDestinationKm,
                eta, delayMinutes, source, time, received, flag, registration, aircraftType, country);
    }

    public Position withEnrichment(String newAirline, String newAirlineName, String newPhase, Double distanceKm,
                                   String newEta, Integer newDelay) {
        return new Position(key, callsign, flightNumber, newAirline, newAirlineName, origin, destination, lat,
                lon, altitude, speed, track, verticalRate, squawk, onGround, newPhase, distanceKm, newEta, newDelay,
                source, time, received, flag, registration, aircraftType, country);
    }

    public Position withIdentity(String newRegistration, String newAircraftType, String newCountry) {
        return new Position(key, callsign, flightNumber, airline, airlineName, origin, destination, lat, lon,
                altitude, speed, track, verticalRate, squawk, onGround, phase, distanceToDestinationKm, eta,
                delayMinutes, source, time, received, flag, newRegistration, newAircraftType, newCountry);
    }
}
