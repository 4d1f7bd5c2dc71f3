package io.airlines.schedule;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.bson.Document;

/** The airports of the demo timetable: large ones with a time zone and a position, plus some asked for. */
public final class DemoAirports {

    private DemoAirports() {
    }

    public static List<DemoAirport> from(Collection<Document> airports, Set<String> wanted) {
        return airports.stream()
                .filter(a -> a.getString("time_zone_id") != null && a.get("position") instanceof Document)
                .filter(a -> "large".equals(a.getString("size")) || wanted.contains(a.getString("_id")))
                .map(a -> {
                    Document p = a.get("position", Document.class);
                    return new DemoAirport(a.getString("_id"), a.getString("country_code"),
                            ((Number) p.get("Latitude")).doubleValue(), ((Number) p.get("Longitude")).doubleValue(),
                            a.getString("time_zone_id"));
                })
                .toList();
    }
}
