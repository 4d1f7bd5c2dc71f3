package io.airlines.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.airlines.reference.ReferenceCatalog;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Answers a search from the store only (never from Lufthansa at query time): one timetable
 * document read by {@code _id} per direction, names of carriers and aircraft from the catalog.
 */
@Component
public class FlightSearch {

    private final ReferenceCatalog catalog;
    private final TimetableStore store;

    public FlightSearch(ReferenceCatalog catalog, TimetableStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    /** An airport or city code as searched; a city of one airport is that airport. */
    public Optional<Endpoint> endpoint(String code) {
        String c = code.trim().toUpperCase();
        Optional<Document> city = catalog.city(c);
        if (city.isPresent() && catalog.airportsOfCity(c).size() > 1) {
            return Optional.of(new Endpoint(c, "city", city.get().getString("name"), TimetableKeys.city(c)));
        }
        return catalog.airport(c).map(a -> new Endpoint(c, "airport", a.getString("airport_name"), TimetableKeys.airport(c)))
                .or(() -> city.flatMap(ct -> catalog.airportsOfCity(c).stream().findFirst())
                        .flatMap(only -> catalog.airport(only).map(a -> new Endpoint(only, "airport",
                                a.getString("airport_name"), TimetableKeys.airport(only)))));
    }

    /** The key of the multi-airport city of an airport, or null: timetables are also written under it. */
    public String cityKeyOf(String airport) {
        return catalog.airport(airport).map(a -> a.getString("city_code"))
                .filter(city -> catalog.airportsOfCity(city).size() > 1)
                .map(TimetableKeys::city).orElse(null);
    }

    public SearchResult search(Endpoint from, Endpoint to, LocalDate date, LocalDate returnDate) {
        List<Journey> outbound = journeys(from, to, date);
        List<Journey> inbound = returnDate == null ? null : journeys(to, from, returnDate);
        return new SearchResult(from, to, date.toString(), returnDate == null ? null : returnDate.toString(),
                outbound, inbound);
    }

    public List<Journey> journeys(Endpoint from, Endpoint to, LocalDate date) {
        return store.timetable(from.timetableKey(), to.timetableKey(), date.toString()).stream()
                .map(j -> j.withLegs(l -> l.withNames(catalog.airlineName(l.carrier()).orElse(null),
                        catalog.aircraftName(l.aircraft()).orElse(null))))
                .toList();
    }
}
