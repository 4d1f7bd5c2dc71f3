package io.airlines.reference;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Cities and airports whose code, or a word of whose name in any language, starts with the query.
 * Cities are offered only when they group several airports ("Paris — all airports"); a city of a
 * single airport is that airport.
 */
@Component
public class PlaceSearch {

    private final ReferenceCatalog catalog;

    public PlaceSearch(ReferenceCatalog catalog) {
        this.catalog = catalog;
    }

    public List<Place> search(String query, int limit) {
        String q = fold(query.trim());
        if (q.isEmpty()) {
            return List.of();
        }
        List<Ranked> found = new ArrayList<>();
        Set<String> cities = new HashSet<>();
        for (Document city : catalog.all(ReferenceKind.CITIES)) {
            String code = city.getString("_id");
            if (catalog.airportsOfCity(code).size() < 2) {
                continue;
            }
            int rank = rank(q, code, names(city, "name"));
            if (rank >= 0) {
                cities.add(code);
                found.add(new Ranked(rank, city.getString("name"), 0, cityPlace(city)));
            }
        }
        for (Document airport : catalog.all(ReferenceKind.AIRPORTS)) {
            int weight = "large".equals(airport.getString("size")) ? 1 : 2;
            String city = airport.getString("city_code");
            Optional<Ranked> ofCity = found.stream()
                    .filter(r -> cities.contains(city) && r.place().code().equals(city)).findFirst();
            if (ofCity.isPresent()) {
                // Right after its city, whatever matched.
                found.add(new Ranked(ofCity.get().rank(), ofCity.get().group(), weight, airportPlace(airport)));
                continue;
            }
            int rank = rank(q, airport.getString("_id"), names(airport, "airport_name"));
            if (rank >= 0) {
                found.add(new Ranked(rank, airport.getString("airport_name"), weight, airportPlace(airport)));
            }
        }
        return found.stream()
                .sorted(Comparator.comparingInt(Ranked::rank).thenComparing(Ranked::group)
                        .thenComparingInt(Ranked::weight).thenComparing(r -> r.place().code()))
                .limit(limit)
                .map(Ranked::place)
                .toList();
    }

    /** 0 exact code, 1 code prefix, 2 name prefix, -1 no match. */
    static int rank(String q, String code, List<String> names) {
        String c = code.toLowerCase(Locale.ROOT);
        if (c.equals(q)) {
            return 0;
        }
        if (c.startsWith(q)) {
            return 1;
        }
        return names.stream().anyMatch(n -> wordStarts(fold(n), q)) ? 2 : -1;
    }

    static boolean wordStarts(String text, String q) {
        if (text.startsWith(q)) {
            return true;
        }
        for (int i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) {
            if (text.startsWith(q, i + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Lower case without accents, so "zur" finds Zürich. */
    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    private static List<String> names(Document d, String mainField) {
        List<String> all = new ArrayList<>();
        Optional.ofNullable(d.getString(mainField)).ifPresent(all::add);
        Object names = d.get("names");
        if (names instanceof Map<?, ?> map) {
            map.values().forEach(v -> all.add(String.valueOf(v)));
        }
        return all;
    }

    Place cityPlace(Document city) {
        String code = city.getString("_id");
        return new Place(code, "city", city.getString("name"), null, city.getString("country_code"),
                city.getString("name") + " (" + code + ") — all airports");
    }

    Place airportPlace(Document airport) {
        String code = airport.getString("_id");
        String name = airport.getString("airport_name");
        String cityName = catalog.city(airport.getString("city_code")).map(c -> c.getString("name")).orElse(null);
        String label = cityName == null || fold(name).contains(fold(cityName)) ? name : cityName + " " + name;
        return new Place(code, "airport", name, airport.getString("city_code"), airport.getString("country_code"),
                label + " (" + code + ")");
    }

    private record Ranked(int rank, String group, int weight, Place place) {
    }
}
