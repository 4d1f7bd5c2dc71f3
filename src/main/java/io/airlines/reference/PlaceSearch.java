package io.airlines.reference;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Cities and airports whose code, or a word of whose name in any language, starts with the query.
 * Cities are offered only when they group several airports ("Paris — all airports"), followed by
 * their airports; a city of a single airport is that airport. Names are folded (lower case, no
 * accents) once per catalog snapshot, not per keystroke.
 */
@Component
public class PlaceSearch {

    private final ReferenceCatalog catalog;
    private volatile Index index = new Index(-1, List.of());

    public PlaceSearch(ReferenceCatalog catalog) {
        this.catalog = catalog;
    }

    public List<Place> search(String query, int limit) {
        String q = fold(query.trim());
        if (q.isEmpty()) {
            return List.of();
        }
        List<Entry> entries = index().entries;
        Map<String, Ranked> cities = new HashMap<>();
        List<Ranked> found = new ArrayList<>();
        for (Entry e : entries) {
            if (e.city) {
                int rank = rank(q, e.foldedCode, e.foldedNames);
                if (rank >= 0) {
                    Ranked r = new Ranked(rank, e.place.name(), 0, e.place);
                    cities.put(e.place.code(), r);
                    found.add(r);
                }
            }
        }
        for (Entry e : entries) {
            if (e.city) {
                continue;
            }
            Ranked city = cities.get(e.place.city());
            if (city != null) {
                // Right after its city, whatever matched.
                found.add(new Ranked(city.rank(), city.group(), e.weight, e.place));
                continue;
            }
            int rank = rank(q, e.foldedCode, e.foldedNames);
            if (rank >= 0) {
                found.add(new Ranked(rank, e.place.name(), e.weight, e.place));
            }
        }
        return found.stream()
                .sorted(Comparator.comparingInt(Ranked::rank).thenComparing(Ranked::group)
                        .thenComparingInt(Ranked::weight).thenComparing(r -> r.place().code()))
                .limit(limit)
                .map(Ranked::place)
                .toList();
    }

    private Index index() {
        Index current = index;
        long version = catalog.version();
        if (current.version == version) {
            return current;
        }
        List<Entry> entries = new ArrayList<>();
        for (Document city : catalog.all(ReferenceKind.CITIES)) {
            if (catalog.airportsOfCity(city.getString("_id")).size() >= 2) {
                entries.add(new Entry(true, fold(city.getString("_id")), foldedNames(city, "name", null), 0, cityPlace(city)));
            }
        }
        for (Document airport : catalog.all(ReferenceKind.AIRPORTS)) {
            String cityName = catalog.city(airport.getString("city_code")).map(c -> c.getString("name")).orElse(null);
            entries.add(new Entry(false, fold(airport.getString("_id")), foldedNames(airport, "airport_name", cityName),
                    "large".equals(airport.getString("size")) ? 1 : 2, airportPlace(airport, cityName)));
        }
        Index built = new Index(version, entries);
        index = built;
        return built;
    }

    /** 0 exact code, 1 code prefix, 2 name prefix, -1 no match. */
    static int rank(String q, String foldedCode, List<String> foldedNames) {
        if (foldedCode.equals(q)) {
            return 0;
        }
        if (foldedCode.startsWith(q)) {
            return 1;
        }
        return foldedNames.stream().anyMatch(n -> wordStarts(n, q)) ? 2 : -1;
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

    /** Lower case without accents, so "zur" finds Zürich; separators become spaces. */
    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replace('-', ' ').replace('/', ' ');
    }

    private static List<String> foldedNames(Document d, String mainField, String extra) {
        List<String> all = new ArrayList<>();
        Optional.ofNullable(d.getString(mainField)).ifPresent(n -> all.add(fold(n)));
        if (d.get("names") instanceof Map<?, ?> map) {
            map.values().forEach(v -> all.add(fold(String.valueOf(v))));
        }
        if (extra != null) {
            all.add(fold(extra));
        }
        return all.stream().distinct().toList();
    }

    static Place cityPlace(Document city) {
        String code = city.getString("_id");
        return new Place(code, "city", city.getString("name"), null, city.getString("country_code"),
                city.getString("name") + " (" + code + ") — all airports");
    }

    static Place airportPlace(Document airport, String cityName) {
        String code = airport.getString("_id");
        String name = airport.getString("airport_name");
        String label = cityName == null || fold(name).contains(fold(cityName)) ? name : cityName + " " + name;
        return new Place(code, "airport", name, airport.getString("city_code"), airport.getString("country_code"),
                label + " (" + code + ")");
    }

    private record Entry(boolean city, String foldedCode, List<String> foldedNames, int weight, Place place) {
    }

    private record Index(long version, List<Entry> entries) {
    }

    private record Ranked(int rank, String group, int weight, Place place) {
    }
}
