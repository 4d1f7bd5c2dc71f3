package io.airlines.stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Everything a raw record may carry: the canonical fields and, unchanged, the original producer's
 * ({@code flight_id}, {@code airline_name}, naive {@code timestamp}, {@code location.latitude}...).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record WireRecord(
        String key,
        String callsign,
        String flightNumber,
        String airline,
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
        String source,
        String registration,
        String aircraftType,
        Object time,
        @JsonProperty("flight_id") String flightId,
        @JsonProperty("airline_name") String airlineName,
        String timestamp,
        @JsonProperty("departure_airport") String departureAirport,
        @JsonProperty("arrival_airport") String arrivalAirport,
        Location location,
        Double latitude,
        Double longitude) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Location(Double latitude, Double longitude) {
    }

    boolean seedFormat() {
        return flightId != null && key == null;
    }
}
