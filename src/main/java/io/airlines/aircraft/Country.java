package io.airlines.aircraft;

/** A State to which ICAO allocated addresses: its English short name and ISO 3166-1 alpha-2 code. */
public record Country(String name, String iso) {
}
