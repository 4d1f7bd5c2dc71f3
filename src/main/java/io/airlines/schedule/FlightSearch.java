package io.airlines.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.airlines.reference.ReferenceCatalog;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Answers a search from the store only (never from Lufthansa at query time): one timetable
 * document read by {@code _id} per direction, names of carriers and aircraft from the catalog.
 * Where fewer than {@link #ENOUGH_NON_STOP} non-stop journeys fly, one-stop connections through
 * the hubs the origin flies to follow them (a few more reads: the origin's departures board, then
 * the timetables into and out of each hub). Lufthansa journeys come with their own connections,
 * so none are built next to them.
 */
@Component
public class FlightSearch {

    /** With this many non-stop flights a day, travellers are not offered detours. */
    static final int ENOUGH_NON_STOP = 3;

    private final ReferenceCatalog catalog;
    private final TimetableStore store;
    private final Set<String> hubs;

    public FlightSearch(ReferenceCatalog catalog, TimetableStore store) {
        this.catalog = catalog;
        this.store = store;
        this.hubs = DemoNetwork.shipped().hubCarriers().keySet();
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
        List<Journey> direct = store.timetable(from.timetableKey(), to.timetableKey(), date.toString());
        boolean lufthansa = direct.stream().anyMatch(j -> TimetableStore.LUFTHANSA.equals(j.source()));
        List<Journey> all = direct.size() >= ENOUGH_NON_STOP || lufthansa ? direct
                : Connections.ranked(direct, connections(from, to, date));
        return all.stream()
                .map(j -> j.withLegs(l -> l.withNames(catalog.airlineName(l.carrier()).orElse(null),
                        catalog.aircraftName(l.aircraft()).orElse(null))))
                .toList();
    }

    private List<Journey> connections(Endpoint from, Endpoint to, LocalDate date) {
        List<Journey> found = new ArrayList<>();
        for (String hub : hubsServedFrom(from, date)) {
            String hubKey = TimetableKeys.airport(hub);
            if (isAt(hub, from) || isAt(hub, to)) {
                continue;
            }
            List<Journey> into = store.timetable(from.timetableKey(), hubKey, date.toString());
            Set<String> arrivalDates = new TreeSet<>();
            into.forEach(j -> arrivalDates.add(j.arrivalLocal().substring(0, 10)));
            List<Journey> onward = new ArrayList<>();
            arrivalDates.forEach(d -> onward.addAll(store.timetable(hubKey, to.timetableKey(), d)));
            found.addAll(Connections.of(into, onward));
        }
        return found;
    }

    /** The hubs among the destinations of the endpoint's airports that day, from their departure boards. */
    private Set<String> hubsServedFrom(Endpoint from, LocalDate date) {
        List<String> airports = "city".equals(from.type()) ? catalog.airportsOfCity(from.code()) : List.of(from.code());
        Set<String> served = new TreeSet<>();
        for (String airport : airports) {
            store.board(airport, date.toString()).ifPresent(board -> board.getList("departures", Document.class, List.of())
                    .stream().map(r -> r.getString("d")).filter(hubs::contains).forEach(served::add));
        }
        return served;
    }

    private boolean isAt(String airport, Endpoint endpoint) {
        String key = endpoint.timetableKey();
        return key.equals(TimetableKeys.airport(airport)) || key.equals(cityKeyOf(airport));
    }
}
