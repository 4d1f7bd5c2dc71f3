package io.airlines.traffic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.airlines.stream.ReferenceData;
import org.bson.Document;

/**
 * The airports the live map draws, busiest first: ranked by their flights in the timetable
 * (yesterday to tomorrow), then by size class (large, medium) from the shipped open data. Airports
 * neither scheduled nor sized (closed fields, heliports of the open data) are left out.
 */
final class AirportMarkers {

    /** One airport on the map; {@code rank} 1 is the busiest. */
    record Marker(String code, String name, double lat, double lon, int rank) {
    }

    private AirportMarkers() {
    }

    static List<Marker> rank(Collection<Document> airports, List<ReferenceData.Scheduled> timetable) {
        Map<String, Integer> flights = new HashMap<>();
        for (ReferenceData.Scheduled s : timetable) {
            flights.merge(s.origin(), 1, Integer::sum);
            flights.merge(s.destination(), 1, Integer::sum);
        }
        record Candidate(Document airport, double lat, double lon, int flights, int size) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Document a : airports) {
            int scheduled = flights.getOrDefault(a.getString("_id"), 0);
            int size = switch (String.valueOf(a.getString("size"))) {
                case "large" -> 2;
                case "medium" -> 1;
                default -> 0;
            };
            if ((scheduled > 0 || size > 0) && a.get("position") instanceof Document p
                    && p.get("Latitude") instanceof Number lat && p.get("Longitude") instanceof Number lon) {
                candidates.add(new Candidate(a, lat.doubleValue(), lon.doubleValue(), scheduled, size));
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::flights).reversed()
                .thenComparing(Comparator.comparingInt(Candidate::size).reversed())
                .thenComparing(c -> c.airport().getString("_id")));
        List<Marker> ranked = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            ranked.add(new Marker(c.airport().getString("_id"), c.airport().getString("airport_name"),
                    round(c.lat()), round(c.lon()), ranked.size() + 1));
        }
        return ranked;
    }

    /** Four decimals: about ten metres, plenty for a marker, and a smaller answer. */
    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
