package io.airlines.traffic;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.airlines.stream.Position;

/**
 * The live flights counted by airline and by country of registration: one pass over the live
 * view's states, the largest shares first.
 */
record FlightsNow(int total, List<Share> byAirline, int withoutAirline, List<Share> byCountry, int withoutCountry) {

    /** One airline's or country's flights; {@code name} is the airline's name when known. */
    record Share(String code, String name, int flights) {
    }

    static FlightsNow of(Collection<Position> live, int top) {
        Map<String, int[]> airlines = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        Map<String, int[]> countries = new HashMap<>();
        int total = 0;
        int noAirline = 0;
        int noCountry = 0;
        for (Position p : live) {
            total++;
            if (p.airline() == null || p.airline().isBlank()) {
                noAirline++;
            } else {
                airlines.computeIfAbsent(p.airline(), k -> new int[1])[0]++;
                if (p.airlineName() != null) {
                    names.putIfAbsent(p.airline(), p.airlineName());
                }
            }
            if (p.country() == null || p.country().isBlank()) {
                noCountry++;
            } else {
                countries.computeIfAbsent(p.country(), k -> new int[1])[0]++;
            }
        }
        return new FlightsNow(total, largest(airlines, names, top), noAirline, largest(countries, Map.of(), top), noCountry);
    }

    private static List<Share> largest(Map<String, int[]> counts, Map<String, String> names, int top) {
        return counts.entrySet().stream()
                .map(e -> new Share(e.getKey(), names.get(e.getKey()), e.getValue()[0]))
                .sorted(Comparator.comparingInt(Share::flights).reversed().thenComparing(Share::code))
                .limit(top)
                .toList();
    }
}
