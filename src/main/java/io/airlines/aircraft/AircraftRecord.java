package io.airlines.aircraft;

/**
 * What an aircraft database says of one address; any part may be null.
 *
 * @param registration its registration mark
 * @param typeCode     its ICAO type designator (B738, A20N)
 * @param model        manufacturer and model in words
 * @param operator     who flies it
 */
public record AircraftRecord(String registration, String typeCode, String model, String operator) {

    boolean isEmpty() {
        return registration == null && typeCode == null && model == null && operator == null;
    }
}
