package io.airlines.ingest;

import java.util.Arrays;
import java.util.Collection;
import java.util.TreeMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.airlines.reference.ShippedText;

/**
 * Who flies what, shipped as {@value #RESOURCE}: each airline's ICAO code, country of
 * registration, bases, and its short-haul and long-haul aircraft types. An airline the table does
 * not know flies a generic fleet registered in the country of {@link #FALLBACK_COUNTRY}.
 */
final class AirlineFleets {

    static final String RESOURCE = "/simulator/airlines.txt";
    static final String FALLBACK_COUNTRY = "US";
    /** Beyond this distance an airline sends a long-haul aircraft. */
    static final double LONG_HAUL_KM = 3500;

    /** One airline's fleet. */
    record AirlineFleet(String iata, String icao, String country, List<String> bases, List<String> shortHaul,
                        List<String> longHaul) {

        List<String> types(boolean longHaulFleet) {
            return longHaulFleet && !longHaul.isEmpty() ? longHaul : shortHaul.isEmpty() ? longHaul : shortHaul;
        }
    }

    private static final List<String> GENERIC_SHORT_HAUL = List.of("A320", "B738");
    private static final List<String> GENERIC_LONG_HAUL = List.of("A333", "B77W");

    private final Map<String, AirlineFleet> byIata = new TreeMap<>();

    AirlineFleets(List<String> lines) {
        for (String line : lines) {
            String[] words = line.trim().split("\\s+");
            if (line.isBlank() || words[0].startsWith("#")) {
                continue;
            }
            if (words.length != 6) {
                throw new IllegalArgumentException("expected 6 fields in " + RESOURCE + ": " + line);
            }
            byIata.put(words[0], new AirlineFleet(words[0], words[1], words[2], list(words[3]), list(words[4]),
                    list(words[5])));
        }
    }

    static AirlineFleets shipped() {
        return new AirlineFleets(ShippedText.lines(RESOURCE));
    }

    /** The airline's fleet; an unknown airline gets a generic one under the ICAO code given. */
    AirlineFleet of(String iata, String icao) {
        AirlineFleet known = byIata.get(iata.toUpperCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        return new AirlineFleet(iata, icao == null ? iata : icao, FALLBACK_COUNTRY, List.of(), GENERIC_SHORT_HAUL,
                GENERIC_LONG_HAUL);
    }

    Collection<AirlineFleet> all() {
        return byIata.values();
    }

    static boolean longHaul(double km) {
        return km >= LONG_HAUL_KM;
    }

    private static List<String> list(String field) {
        return "-".equals(field) ? List.of() : Arrays.asList(field.split(","));
    }
}
