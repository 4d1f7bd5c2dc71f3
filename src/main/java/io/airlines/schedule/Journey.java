package io.airlines.schedule;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A trip from origin to destination on one or more legs, as answered by the search API.
 * {@code id} is the natural key: local departure date, origin, destination, time and flight
 * numbers — date first, so that a day's journeys land together at the end of the store's B-tree
 * instead of dirtying pages all over it (the embedded store's file only appends).
 */
public record Journey(String id, String origin, String destination, String departureLocal, String arrivalLocal,
                      String departureUtc, String arrivalUtc, int durationMinutes, int stops, String source,
                      List<Leg> legs) {

    public static String key(String origin, String destination, String departureLocal, List<Leg> legs) {
        StringBuilder key = new StringBuilder(departureLocal.substring(0, 10)).append('|').append(origin).append('|')
                .append(destination).append('|').append(departureLocal, 11, 16);
        for (Leg leg : legs) {
            key.append('|').append(leg.flightNumber());
        }
        return key.toString();
    }

    /** Local departure date at the origin, {@code yyyy-MM-dd}. */
    public String date() {
        return departureLocal.substring(0, 10);
    }

    public Journey withLegs(UnaryOperator<Leg> change) {
        return new Journey(id, origin, destination, departureLocal, arrivalLocal, departureUtc, arrivalUtc,
                durationMinutes, stops, source, legs.stream().map(change).toList());
    }
}
