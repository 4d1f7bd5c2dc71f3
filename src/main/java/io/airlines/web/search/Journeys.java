package io.airlines.web.search;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The JSON of {@code GET /api/v1/flights/search} (contract shared with the batch feature). */
public final class Journeys {

    private Journeys() {
    }

    public record Place(String code, String type, String name, String city, String country, String label) {
        public String display() {
            if (label != null && !label.isBlank()) {
                return label;
            }
            return name == null ? code : name + " (" + code + ")";
        }
    }

    public record SearchResult(Place from, Place to, String date, String returnDate,
                               List<Journey> outbound, @JsonProperty("return") List<Journey> returnJourneys) {
    }

    public record Journey(String id, String origin, String destination, String departureLocal, String arrivalLocal,
                          String departureUtc, String arrivalUtc, Integer durationMinutes, Integer stops,
                          String source, List<Leg> legs) {
        public List<Leg> legs() {
            return legs == null ? List.of() : legs;
        }
    }

    /** {@code status} and what follows it are there for today's journeys only. */
    public record Leg(String carrier, String carrierName, String flightNumber, String origin, String destination,
                      String departureLocal, String arrivalLocal, String aircraft, String aircraftName,
                      String status, Integer delayMinutes, String transponder) {
    }
}
