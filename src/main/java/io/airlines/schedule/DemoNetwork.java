package io.airlines.schedule;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.airlines.reference.ShippedText;

/**
 * Who flies where in the demo timetable, shipped as {@value #RESOURCE}: hub airports with the
 * carrier based there, the carrier serving each country, and alliances (partners fly into each
 * other's hubs).
 */
record DemoNetwork(Map<String, String> hubCarriers, Map<String, String> homeCarriers, Map<String, String> alliances) {

    static final String RESOURCE = "/schedule/demo-network.txt";

    static DemoNetwork shipped() {
        return parse(ShippedText.lines(RESOURCE));
    }

    static DemoNetwork parse(List<String> lines) {
        Map<String, String> hubs = new LinkedHashMap<>();
        Map<String, String> homes = new HashMap<>();
        Map<String, String> alliances = new HashMap<>();
        for (String line : lines) {
            String[] words = line.trim().split("\\s+");
            if (line.isBlank() || words[0].startsWith("#")) {
                continue;
            }
            switch (words[0]) {
                case "hub" -> hubs.put(words[1], words[2]);
                case "home" -> homes.put(words[1], words[2]);
                case "alliance" -> Arrays.stream(words, 2, words.length).forEach(c -> alliances.put(c, words[1]));
                default -> throw new IllegalArgumentException("unknown line in " + RESOURCE + ": " + line);
            }
        }
        return new DemoNetwork(Map.copyOf(hubs), Map.copyOf(homes), Map.copyOf(alliances));
    }

    boolean isHub(String airport) {
        return hubCarriers.containsKey(airport);
    }

    Optional<String> hubCarrier(String airport) {
        return Optional.ofNullable(hubCarriers.get(airport));
    }

    Optional<String> homeCarrier(String country) {
        return Optional.ofNullable(homeCarriers.get(country));
    }

    boolean partners(String carrier, String other) {
        String alliance = alliances.get(carrier);
        return alliance != null && alliance.equals(alliances.get(other));
    }
}
