package io.airlines.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.airlines.board.LiveStatus;
import io.airlines.board.LiveStatuses;
import io.airlines.board.TimetableFlight;
import io.airlines.reference.ReferenceCatalog;
import org.springframework.stereotype.Component;

/**
 * Adds the live status to the legs of the journeys that leave today (the local date at their
 * origin), as boards show it; other days' journeys are answered as the timetable has them.
 */
@Component
class LiveJourneys {

    private final ReferenceCatalog catalog;
    private final LiveStatuses statuses;
    private final Clock clock;

    LiveJourneys(ReferenceCatalog catalog, LiveStatuses statuses, Clock clock) {
        this.catalog = catalog;
        this.statuses = statuses;
        this.clock = clock;
    }

    SearchResult withStatus(SearchResult result) {
        List<TimetableFlight> flights = new ArrayList<>();
        Set<Journey> outbound = collect(result.outbound(), flights);
        Set<Journey> inbound = collect(result.inbound(), flights);
        if (flights.isEmpty()) {
            return result;
        }
        Iterator<LiveStatus> live = statuses.of(flights).iterator();
        return new SearchResult(result.from(), result.to(), result.date(), result.returnDate(),
                apply(result.outbound(), outbound, live), apply(result.inbound(), inbound, live));
    }

    /** The journeys of today among {@code journeys}; their legs, in order, appended to {@code flights}. */
    private Set<Journey> collect(List<Journey> journeys, List<TimetableFlight> flights) {
        Set<Journey> today = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Journey j : journeys == null ? List.<Journey>of() : journeys) {
            if (j.date().equals(LocalDate.ofInstant(clock.instant(), LocalTimes.zoneOf(catalog, j.origin())).toString())) {
                List<TimetableFlight> legs = j.legs().stream().map(this::flightOf).flatMap(Optional::stream).toList();
                if (legs.size() == j.legs().size()) {
                    flights.addAll(legs);
                    today.add(j);
                }
            }
        }
        return today;
    }

    private Optional<TimetableFlight> flightOf(Leg leg) {
        return LocalTimes.instant(leg.departureLocal(), LocalTimes.zoneOf(catalog, leg.origin()))
                .map(at -> TimetableFlight.departure(leg.flightNumber(), leg.origin(), leg.destination(), at));
    }

    private static List<Journey> apply(List<Journey> journeys, Set<Journey> today, Iterator<LiveStatus> live) {
        return journeys == null ? null : journeys.stream()
                .map(j -> today.contains(j) ? j.withLegs(l -> l.withLive(live.next())) : j).toList();
    }
}
