package io.airlines.aircraft;

/**
 * What is known of one address, as {@code GET /api/v1/aircraft/{hex}} answers it; unknown parts are
 * null.
 */
public record AircraftFacts(String address, CountryFact country, Fact registration, Fact aircraftType, Fact model,
                            Fact operator) {

    /** From the aircraft database file. */
    public static final String DATABASE = "database";
    /** From a registry's rule mapping addresses to registrations. */
    public static final String ALGORITHM = "algorithm";
    /** From the ICAO allocation of address blocks to countries. */
    public static final String ADDRESS = "address";

    /** One known value and where it comes from: {@code database}, {@code algorithm} or {@code address}. */
    public record Fact(String value, String source) {
    }

    /** The country of registration: ISO 3166-1 alpha-2 code, English name, and the source (always the address). */
    public record CountryFact(String iso, String name, String source) {

        CountryFact(Country country) {
            this(country.iso(), country.name(), ADDRESS);
        }
    }
}
