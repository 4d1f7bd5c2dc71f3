package io.airlines.lufthansa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * Every quirk of the API's JSON in one place: a list of one element arrives as the element itself
 * (names, airport codes of a city, flights of a journey, the last page of a list); codes that look
 * numeric arrive as numbers ({@code AircraftCode: 320}, {@code FlightNumber: 4919}); names are
 * {@code {"@LanguageCode": "EN", "$": "..."}}; fields may be missing.
 */
public final class LufthansaJson {

    private LufthansaJson() {
    }

    /** An array, a single object (a list of one) or nothing, as a list. */
    public static List<JsonNode> list(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(out::add);
        } else {
            out.add(node);
        }
        return out;
    }

    /** A code or text that may arrive as a number: always a string ({@code 320} → "320"), null if absent. */
    public static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull() || node.isContainer()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return String.valueOf(node.asLong());
        }
        String s = node.asString().trim();
        return s.isEmpty() ? null : s;
    }

    public static String text(JsonNode node, String... path) {
        return text(at(node, path));
    }

    public static JsonNode at(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            n = n == null ? null : n.path(p);
        }
        return n;
    }

    /** A number that may arrive as a string or be fractional ({@code UtcOffset: 5.5}); null if absent. */
    public static Double number(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        try {
            return Double.parseDouble(node.asString().trim().replace("+", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code Names.Name} as language → text, in the API's order. */
    public static Map<String, String> names(JsonNode namesParent) {
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode name : list(at(namesParent, "Names", "Name"))) {
            String lang = text(name.path("@LanguageCode"));
            String value = name.isObject() ? text(name.path("$")) : text(name);
            if (value != null) {
                names.putIfAbsent(lang == null ? "XX" : lang.toUpperCase(), value);
            }
        }
        return names;
    }

    /** English if given, else the first name. */
    public static Optional<String> mainName(Map<String, String> names) {
        return Optional.ofNullable(names.getOrDefault("EN", names.values().stream().findFirst().orElse(null)));
    }

    /** The {@code Meta.Link} with {@code @Rel = next}, if any. */
    public static Optional<String> nextLink(JsonNode meta) {
        for (JsonNode link : list(at(meta, "Link"))) {
            if ("next".equalsIgnoreCase(text(link.path("@Rel")))) {
                return Optional.ofNullable(text(link.path("@Href")));
            }
        }
        return Optional.empty();
    }
}
