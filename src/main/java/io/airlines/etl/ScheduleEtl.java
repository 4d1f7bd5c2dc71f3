package io.airlines.etl;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import io.airlines.lufthansa.LufthansaClient;
import io.airlines.lufthansa.ScheduleReader;
import io.airlines.schedule.Journey;
import io.airlines.schedule.TimetableStore;

/** Loads the schedules of origin/destination pairs for some dates into {@code flights} and the timetables. */
final class ScheduleEtl {

    public record Pair(String origin, String destination) {
    }

    private final LufthansaClient client;
    private final TimetableStore store;
    private final Function<String, Optional<String>> zoneOf;
    private final Function<String, String> cityKeyOf;

    public ScheduleEtl(LufthansaClient client, TimetableStore store, Function<String, Optional<String>> zoneOf,
                       Function<String, String> cityKeyOf) {
        this.client = client;
        this.store = store;
        this.zoneOf = zoneOf;
        this.cityKeyOf = cityKeyOf;
    }

    /** Every ordered pair of distinct airports of the list. */
    public static List<Pair> orderedPairs(List<String> airports) {
        List<Pair> pairs = new ArrayList<>();
        for (String a : airports) {
            for (String b : airports) {
                if (!a.equals(b)) {
                    pairs.add(new Pair(a, b));
                }
            }
        }
        return pairs;
    }

    public String run(List<Pair> pairs, List<LocalDate> dates, RunTracker tracker) {
        long before = client.stats().requests();
        ScheduleReader reader = new ScheduleReader(client);
        tracker.expectPages((long) pairs.size() * dates.size());
        long journeys = 0;
        try {
            for (LocalDate date : dates) {
                for (Pair pair : pairs) {
                    List<Journey> found = reader.schedules(pair.origin(), pair.destination(), date).stream()
                            .map(s -> ScheduleJourneys.of(s, zoneOf))
                            .filter(Objects::nonNull)
                            .filter(j -> j.date().equals(date.toString()))
                            .toList();
                    var count = store.write(found, cityKeyOf);
                    tracker.written(count.inserted(), count.updated());
                    tracker.page();
                    journeys += found.size();
                }
            }
        } finally {
            tracker.requests(client.stats().requests() - before);
        }
        return journeys + " journeys for " + pairs.size() + " pair(s) × " + dates.size() + " day(s)";
    }
}
