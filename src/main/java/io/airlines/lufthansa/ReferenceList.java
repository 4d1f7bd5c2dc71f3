package io.airlines.lufthansa;

/**
 * A reference list of {@code /mds-references}: its path and where its items sit in the answer,
 * e.g. {@code AirportResource.Airports.Airport}.
 */
public enum ReferenceList {
    COUNTRIES("countries", "CountryResource", "Countries", "Country"),
    CITIES("cities", "CityResource", "Cities", "City"),
    AIRPORTS("airports", "AirportResource", "Airports", "Airport"),
    AIRLINES("airlines", "AirlineResource", "Airlines", "Airline"),
    AIRCRAFT("aircraft", "AircraftResource", "AircraftSummaries", "AircraftSummary");

    public final String path;
    public final String resource;
    public final String plural;
    public final String item;

    ReferenceList(String path, String resource, String plural, String item) {
        this.path = path;
        this.resource = resource;
        this.plural = plural;
        this.item = item;
    }
}
