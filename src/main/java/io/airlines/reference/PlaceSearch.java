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
 * Cities and airports whose code, or a name of theirs in any language, matches the query, most
 * likely meant first: an exact code, then an exact name, a name starting with the query, a code
 * starting with it, a word of a name starting with it; within each, the bigger place first (a
 * city by its airports, an airport by its size), so "Paris" is Paris, France before Paris, Texas.
 * Cities are offered only when they group several airports ("Paris — all airports"), followed by
 * their airports; a city of a single airport is that airport. Besides the names of the catalog,
 * cities answer to the names of {@link CityNames} ("Londres", "München"). Names are folded (lower
 * case, no accents) once per catalog snapshot, not per keystroke.
 */
@Component
class PlaceSearch {

    private static final int NO_MATCH = -1;

    private final ReferenceCatalog catalog;
    private final Map<String, List<String>> cityNames;
    private volatile Index index = new Index(-1, List.of());

    public PlaceSearch(ReferenceCatalog catalog) {
        this.catalog = catalog;
        this.cityNames = CityNames.load();
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
                if (rank != NO_MATCH) {
                    Ranked r = new Ranked(rank, e.size, e.place.code(), Integer.MIN_VALUE, e.place);
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
                found.add(new Ranked(city.rank(), city.groupSize(), city.group(), -e.size, e.place));
                continue;
            }
            int rank = rank(q, e.foldedCode, e.foldedNames);
            if (rank != NO_MATCH) {
                found.add(new Ranked(rank, e.size, e.place.code(), 0, e.place));
            }
        }
        return found.stream()
                .sorted(Comparator.comparingInt(Ranked::rank)
                        .thenComparing(Comparator.comparingInt(Ranked::groupSize).reversed())
                        .thenComparing(Ranked::group)
                        .thenComparingInt(Ranked::order).thenComparing(r -> r.place().code()))
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
            String code = city.getString("_id");
            List<String> airports = catalog.airportsOfCity(code);
            if (airports.size() >= 2) {
                int size = airports.stream().mapToInt(a -> catalog.airport(a).map(PlaceSearch::size).orElse(0)).sum();
                entries.add(new Entry(true, fold(code), foldedNames(city, "name", otherNames(code, null)), size,
                        cityPlace(city)));
            }
        }
        for (Document airport : catalog.all(ReferenceKind.AIRPORTS)) {
            String cityCode = airport.getString("city_code");
            String cityName = catalog.city(cityCode).map(c -> c.getString("name")).orElse(null);
            entries.add(new Entry(false, fold(airport.getString("_id")),
                    foldedNames(airport, "airport_name", otherNames(cityCode, cityName)), size(airport),
                    airportPlace(airport, cityName)));
        }
        Index built = new Index(version, entries);
        index = built;
        return built;
    }

    /** The shipped other names of a city, plus its catalog name for its airports. */
    private List<String> otherNames(String cityCode, String cityName) {
        List<String> names = new ArrayList<>(cityCode == null ? List.of() : cityNames.getOrDefault(cityCode, List.of()));
        if (cityName != null) {
            names.add(cityName);
        }
        return names;
    }

    /** Airports weigh by the size class of the open data set, a large one as ten medium ones. */
    static int size(Document airport) {
        String size = airport.getString("size");
        return "large".equals(size) ? 100 : "medium".equals(size) ? 10 : 1;
    }

    /** 0 exact code, 1 exact name, 2 name prefix, 3 code prefix, 4 prefix of a word of a name, -1 no match. */
    static int rank(String q, String foldedCode, List<String> foldedNames) {
        if (foldedCode.equals(q)) {
            return 0;
        }
        if (foldedNames.contains(q)) {
            return 1;
        }
        if (foldedNames.stream().anyMatch(n -> n.startsWith(q))) {
            return 2;
        }
        if (foldedCode.startsWith(q)) {
            return 3;
        }
        return foldedNames.stream().anyMatch(n -> wordStarts(n, q)) ? 4 : NO_MATCH;
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

    private static List<String> foldedNames(Document d, String mainField, List<String> extra) {
        List<String> all = new ArrayList<>();
        Optional.ofNullable(d.getString(mainField)).ifPresent(n -> all.add(fold(n)));
        if (d.get("names") instanceof Map<?, ?> map) {
            map.values().forEach(v -> all.add(fold(String.valueOf(v))));
        }
        extra.forEach(n -> all.add(fold(n)));
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

    private record Entry(boolean city, String foldedCode, List<String> foldedNames, int size, Place place) {
    }

    private record Index(long version, List<Entry> entries) {
    }

    /** A match; a city's airports share its rank, size and group and follow it in {@code order}. */
    private record Ranked(int rank, int groupSize, String group, int order, Place place) {
    }
}
