package io.airlines.aircraft;

/**
 * Who an aircraft is, as far as known: registration, ICAO type designator and ISO 3166-1 alpha-2
 * code of the country of registration; each may be null.
 */
public record AircraftIdentity(String registration, String aircraftType, String country) {
}
