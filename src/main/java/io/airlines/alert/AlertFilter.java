package io.airlines.alert;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which alerts a subscriber wants: flights (flight number or callsign), airports (where it took off
 * or landed, or either end of its route) and aircraft (transponder address or registration), each
 * a comma-separated list. An alert matching any listed item is sent, as a watchlist needs; a
 * filter listing nothing sends every alert.
 */
record AlertFilter(Set<String> flights, Set<String> airports, Set<String> aircraft) {

    static AlertFilter parse(String flights, String airports, String aircraft) {
        return new AlertFilter(items(flights), items(airports), items(aircraft));
    }

    boolean matches(Alert a) {
        if (flights.isEmpty() && airports.isEmpty() && aircraft.isEmpty()) {
            return true;
        }
        return listed(flights, a.flight(), a.callsign())
                || listed(airports, a.airport(), a.origin(), a.destination())
                || listed(aircraft, a.key(), a.registration());
    }

    private static boolean listed(Set<String> items, String... values) {
        for (String v : values) {
            if (v != null && items.contains(normal(v))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> items(String list) {
        if (list == null) {
            return Set.of();
        }
        return Arrays.stream(list.split(",")).map(AlertFilter::normal).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    /** Case, spaces and the registration's dash do not matter: {@code d-aiab} is {@code DAIAB}. */
    private static String normal(String s) {
        return s.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
